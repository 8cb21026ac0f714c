"""Held-out ("sealed") labelled inputs for ``nhskg trace``.

Written on 2026-11-27 by a separate session that had read neither the trace matcher
(src/nhskg/trace/) nor the other labelled sets (tests/trace_cases.py, tests/trace_unseen.py,
tests/test_trace.py, benchmarks/). The labels come only from the five seed texts
(graph/sources/*.txt), the curated findings (graph/curation/) and the verdict rules in the docstring
of ``nhskg.figures.judge_fit``. No passage was run through ``nhskg trace`` while it was written.

This set is sealed: it is measured and reported, never tuned on. If trace fails a case, the case
stays; a label is changed only if it is shown to be wrong by the seed texts and curated findings,
never because the tool disagrees with it.

Each passage is written afresh (not copied from the seed texts) in the manner of trade press, HSJ,
a CCG board paper, a think-tank blog, a local newspaper or a tweet of 2012-2014. A passage with
several figures appears once per figure.

``SEALED`` holds (text, figure_words, expected_finding, expected_verdict):
- figure_words: the figure exactly as written; it occurs exactly once in the text.
- expected_finding: the finding id after "https://w3id.org/nhskg/id/finding/", or None when the
  figure should match no finding (another survey, wave, year or body; a non-survey number; the same
  number with the meaning reversed and the survey not named).
- expected_verdict: exact | rounded | approximate | fits | stretched | contradicts | derived | no-match
  (no-match exactly when expected_finding is None). ``derived`` marks a complement (100 - value) of
  the finding named, which the text states the opposite way.

Measured (first time, commit 56389d1, 2026-11-27; aggregates only, misses not read): precision 0.739,
recall 0.739, verdict accuracy 0.716, false matches 6/21, false ``contradicts`` 1 (67 figures; the
number-only baseline 0.317 / 0.435 / 0.373 / 17/21 / 0).
"""

from __future__ import annotations

SEALED: list[tuple[str, str, str | None, str]] = [
    # --- Faithful reports of seed findings, in varied wording (exact, rounded, verbal forms)
    (('Almost half of CCGs (47%) told the NHS Alliance and NAPC they had been fully involved in designing the '
      'commissioning support offer in their area, but 32% said they had been left out of it altogether.'),
     'Almost half', 'nhsa-napc-survey-000/fully-involved', 'fits'),
    (('Almost half of CCGs (47%) told the NHS Alliance and NAPC they had been fully involved in designing the '
      'commissioning support offer in their area, but 32% said they had been left out of it altogether.'),
     '47%', 'nhsa-napc-survey-000/fully-involved', 'exact'),
    (('Almost half of CCGs (47%) told the NHS Alliance and NAPC they had been fully involved in designing the '
      'commissioning support offer in their area, but 32% said they had been left out of it altogether.'),
     '32%', 'nhsa-napc-survey-000/not-involved', 'exact'),
    (('Paper 7 – National surveys of CCG leaders. In the NHS Alliance/NAPC survey, 44% of CCGs judged the '
      'working style of the NHS Commissioning Board and PCT clusters too centralist, and just 18% felt it was '
      'about right. The governing body, representing our forty-four member practices, is asked to note the '
      'findings.'),
     '44%', 'nhsa-napc-survey-000/too-centralist', 'exact'),
    (('Paper 7 – National surveys of CCG leaders. In the NHS Alliance/NAPC survey, 44% of CCGs judged the '
      'working style of the NHS Commissioning Board and PCT clusters too centralist, and just 18% felt it was '
      'about right. The governing body, representing our forty-four member practices, is asked to note the '
      'findings.'),
     '18%', 'nhsa-napc-survey-000/about-right', 'exact'),
    (('Paper 7 – National surveys of CCG leaders. In the NHS Alliance/NAPC survey, 44% of CCGs judged the '
      'working style of the NHS Commissioning Board and PCT clusters too centralist, and just 18% felt it was '
      'about right. The governing body, representing our forty-four member practices, is asked to note the '
      'findings.'),
     '7', None, 'no-match'),
    (('Paper 7 – National surveys of CCG leaders. In the NHS Alliance/NAPC survey, 44% of CCGs judged the '
      'working style of the NHS Commissioning Board and PCT clusters too centralist, and just 18% felt it was '
      'about right. The governing body, representing our forty-four member practices, is asked to note the '
      'findings.'),
     'forty-four', None, 'no-match'),
    (("CCG leaders' confidence that they can keep to budget without damaging quality or access has climbed to an"
      ' average score of 7.2 in the third HSJ barometer, from 6.5 when the same question was asked in January.'),
     '7.2', 'hsj-barometer-3/budget-confidence-score', 'exact'),
    (("CCG leaders' confidence that they can keep to budget without damaging quality or access has climbed to an"
      ' average score of 7.2 in the third HSJ barometer, from 6.5 when the same question was asked in January.'),
     '6.5', 'hsj-barometer-2/budget-confidence-score-january', 'exact'),
    (("Sixty-eight per cent of CCG leaders now describe their NHS England area team's dealings with them as good"
      " or very good, compared with 73 per cent in January, according to HSJ's barometer."),
     'Sixty-eight per cent', 'hsj-barometer-3/area-team-good', 'exact'),
    (("Sixty-eight per cent of CCG leaders now describe their NHS England area team's dealings with them as good"
      " or very good, compared with 73 per cent in January, according to HSJ's barometer."),
     '73 per cent', 'hsj-barometer-2/area-team-good-january', 'exact'),
    (('EHI poll: three in four CCG leads hope to bring some IT support in-house within a year – but only one in '
      'five has set an IT budget yet #NHS'),
     'three in four', 'ehi-pc-survey-2012/in-house-it-hoped', 'exact'),
    (('EHI poll: three in four CCG leads hope to bring some IT support in-house within a year – but only one in '
      'five has set an IT budget yet #NHS'),
     'one in five', 'ehi-pc-survey-2012/it-budget-established', 'approximate'),
    (('Clinical commissioners have told Andrew Lansley they are worried about money. In a survey of 131 GPs and '
      'managers from the new groups, two-thirds said they expected to inherit debts from the old NHS bodies. '
      "Sixty-one per cent said they were very engaged with their area's QIPP plan."),
     '131', 'ccg-leaders-survey-004/responses', 'exact'),
    (('Clinical commissioners have told Andrew Lansley they are worried about money. In a survey of 131 GPs and '
      'managers from the new groups, two-thirds said they expected to inherit debts from the old NHS bodies. '
      "Sixty-one per cent said they were very engaged with their area's QIPP plan."),
     'two-thirds', 'ccg-leaders-survey-004/expect-debts', 'exact'),
    (('Clinical commissioners have told Andrew Lansley they are worried about money. In a survey of 131 GPs and '
      'managers from the new groups, two-thirds said they expected to inherit debts from the old NHS bodies. '
      "Sixty-one per cent said they were very engaged with their area's QIPP plan."),
     'Sixty-one per cent', 'ccg-leaders-survey-004/very-engaged-qipp', 'exact'),
    (('Of the 95 CCGs that replied to NAPC and the NHS Alliance in January 2012, more than four in five (84%) '
      'wanted more information about their commissioning support options, and 71% were unhappy with the support '
      'being offered to them.'),
     '95', 'coalition-support-survey-2012/responses', 'exact'),
    (('Of the 95 CCGs that replied to NAPC and the NHS Alliance in January 2012, more than four in five (84%) '
      'wanted more information about their commissioning support options, and 71% were unhappy with the support '
      'being offered to them.'),
     'more than four in five', 'coalition-support-survey-2012/insufficient-information', 'fits'),
    (('Of the 95 CCGs that replied to NAPC and the NHS Alliance in January 2012, more than four in five (84%) '
      'wanted more information about their commissioning support options, and 71% were unhappy with the support '
      'being offered to them.'),
     '84%', 'coalition-support-survey-2012/insufficient-information', 'rounded'),
    (('Of the 95 CCGs that replied to NAPC and the NHS Alliance in January 2012, more than four in five (84%) '
      'wanted more information about their commissioning support options, and 71% were unhappy with the support '
      'being offered to them.'),
     '71%', 'coalition-support-survey-2012/dissatisfied-with-offer', 'rounded'),
    (('Ninety-four leaders from 86 CCGs took part in the third HSJ barometer, the first since CCGs took on their'
      ' full powers – around four in ten of all the CCGs in England.'),
     'Ninety-four', 'hsj-barometer-3/leaders-responding', 'exact'),
    (('Ninety-four leaders from 86 CCGs took part in the third HSJ barometer, the first since CCGs took on their'
      ' full powers – around four in ten of all the CCGs in England.'),
     '86', 'hsj-barometer-3/ccgs-responding', 'exact'),
    (('Ninety-four leaders from 86 CCGs took part in the third HSJ barometer, the first since CCGs took on their'
      ' full powers – around four in ten of all the CCGs in England.'),
     'around four in ten', 'hsj-barometer-3/ccg-response-rate', 'approximate'),
    (('Asked who should lead major service change, just over half of CCG leaders backed CCGs leading jointly and'
      ' equally with one another, while seven per cent saw NHS England as the convener with CCGs as partners.'),
     'just over half', 'hsj-barometer-3/ccgs-lead-jointly', 'fits'),
    (('Asked who should lead major service change, just over half of CCG leaders backed CCGs leading jointly and'
      ' equally with one another, while seven per cent saw NHS England as the convener with CCGs as partners.'),
     'seven per cent', 'hsj-barometer-3/nhs-england-convener', 'exact'),
    (('The NHS Alliance/NAPC survey found 60 per cent of CCGs confident or very confident of being ready for '
      'authorisation in April 2013, with almost a quarter unsure.'),
     '60 per cent', 'nhsa-napc-survey-000/authorisation-confident-or-very', 'exact'),
    (('The NHS Alliance/NAPC survey found 60 per cent of CCGs confident or very confident of being ready for '
      'authorisation in April 2013, with almost a quarter unsure.'),
     'almost a quarter', 'nhsa-napc-survey-000/authorisation-not-sure', 'fits'),
    (("Of the 95 replies to the coalition's January 2012 survey, about a third came from NHS North of England "
      'and 13% from NHS London.'),
     '95', 'coalition-support-survey-2012/responses', 'exact'),
    (("Of the 95 replies to the coalition's January 2012 survey, about a third came from NHS North of England "
      'and 13% from NHS London.'),
     'about a third', 'coalition-support-survey-2012/respondents-nhs-north-of-england', 'approximate'),
    (("Of the 95 replies to the coalition's January 2012 survey, about a third came from NHS North of England "
      'and 13% from NHS London.'),
     '13%', 'coalition-support-survey-2012/respondents-nhs-london', 'rounded'),
    (("One in five CCGs had taken up their PCT cluster's offer simply because they were too busy to look at "
      'alternatives, while just over a quarter pointed to good relationships with PCT support staff.'),
     'One in five', 'coalition-support-survey-2012/pct-cluster-too-busy', 'exact'),
    (("One in five CCGs had taken up their PCT cluster's offer simply because they were too busy to look at "
      'alternatives, while just over a quarter pointed to good relationships with PCT support staff.'),
     'just over a quarter', 'coalition-support-survey-2012/pct-cluster-good-relationships', 'fits'),
    # --- Misreports of a named seed survey (contradicts or stretched)
    (("HSJ's third clinical commissioning barometer found that just 48 per cent of CCG leaders rated their area "
      "team's interactions with them as good or very good."),
     '48 per cent', 'hsj-barometer-3/area-team-good', 'contradicts'),
    (("More than half of CCGs in the NHS Alliance and NAPC survey said the NHS Commissioning Board's style of "
      'working was too centralist.'),
     'More than half', 'nhsa-napc-survey-000/too-centralist', 'contradicts'),
    (('The survey of 131 CCG leaders presented to Andrew Lansley found 40 per cent confident that they would get'
      ' the right commissioning support.'),
     '131', 'ccg-leaders-survey-004/responses', 'exact'),
    (('The survey of 131 CCG leaders presented to Andrew Lansley found 40 per cent confident that they would get'
      ' the right commissioning support.'),
     '40 per cent', 'ccg-leaders-survey-004/confident-right-support', 'contradicts'),
    ('Three-quarters of CCGs expect authorisation by April 2013, says EHI Primary Care poll',
     'Three-quarters', 'ehi-pc-survey-2012/authorised-by-april-2013', 'contradicts'),
    (("The coalition's January 2012 survey of 95 CCGs found nearly 90% dissatisfied with the commissioning "
      'support being offered to them.'),
     '95', 'coalition-support-survey-2012/responses', 'exact'),
    (("The coalition's January 2012 survey of 95 CCGs found nearly 90% dissatisfied with the commissioning "
      'support being offered to them.'),
     'nearly 90%', 'coalition-support-survey-2012/dissatisfied-with-offer', 'stretched'),
    (('Half of the CCGs that answered the NHS Alliance and NAPC survey said they felt constricted in the '
      'commissioning support offer open to them.'),
     'Half', 'nhsa-napc-survey-000/feel-constricted', 'stretched'),
    # --- Reversed meaning with the same number (contradicts only where the survey is named)
    (('According to the NHS Alliance and NAPC, 47% of CCGs felt shut out of shaping the commissioning support '
      'put in place locally.'),
     '47%', 'nhsa-napc-survey-000/not-involved', 'contradicts'),
    (('The NHS Alliance/NAPC survey found 60 per cent of CCGs were not confident of being ready for '
      'authorisation in April 2013.'),
     '60 per cent', 'nhsa-napc-survey-000/authorisation-not-confident', 'contradicts'),
    ('61 per cent of GPs on CCG boards say they are disengaged from their local QIPP plans.',
     '61 per cent', None, 'no-match'),
    ('Only 44% of CCGs describe the way the Commissioning Board and PCT clusters work with them as about right.',
     '44%', None, 'no-match'),
    ('Three in four CCGs have no plans to bring any IT support in-house over the coming year.',
     'Three in four', None, 'no-match'),
    ('Ninety per cent of CCG leaders say they feel shut out of commissioning decisions.',
     'Ninety per cent', None, 'no-match'),
    # --- Complements of a finding stated the opposite way (derived)
    (('The NHS Alliance and NAPC survey found 53% of CCGs had not been fully involved in shaping their local '
      'commissioning support offer.'),
     '53%', 'nhsa-napc-survey-000/fully-involved', 'derived'),
    (("EHI Primary Care's April poll found 65% of respondents at least quite satisfied with the plans for their "
      'commissioning support.'),
     '65%', 'ehi-pc-survey-2012/not-satisfied', 'derived'),
    (("Put the other way round, only 15.8% of CCGs answering the coalition's January survey felt they had enough"
      ' information about their support options, and 29.3% did not express dissatisfaction with the support on '
      'offer.'),
     '15.8%', 'coalition-support-survey-2012/insufficient-information', 'derived'),
    (("Put the other way round, only 15.8% of CCGs answering the coalition's January survey felt they had enough"
      ' information about their support options, and 29.3% did not express dissatisfaction with the support on '
      'offer.'),
     '29.3%', 'coalition-support-survey-2012/dissatisfied-with-offer', 'derived'),
    (("Among the GPs and managers surveyed for the coalition's conference with Mr Lansley, 39 per cent stopped "
      'short of calling themselves very engaged with their local QIPP plan, and 70 per cent would not be asking '
      'to cross local authority boundaries.'),
     '39 per cent', 'ccg-leaders-survey-004/very-engaged-qipp', 'derived'),
    (("Among the GPs and managers surveyed for the coalition's conference with Mr Lansley, 39 per cent stopped "
      'short of calling themselves very engaged with their local QIPP plan, and 70 per cent would not be asking '
      'to cross local authority boundaries.'),
     '70 per cent', 'ccg-leaders-survey-004/cross-la-boundaries', 'derived'),
    # --- Other surveys, waves, years or bodies whose numbers coincide with seed findings (no-match)
    (("HSJ's fourth barometer, carried out in the autumn of 2013, found 51 per cent of CCG leaders expecting to "
      'overspend this year.'),
     '51 per cent', None, 'no-match'),
    (("A King's Fund survey of GP practices in 2013 found that 47% felt involved in their CCG's decisions, while"
      " the BMA's poll of GPs the same year found 35% were not satisfied with how their CCG was run."),
     '47%', None, 'no-match'),
    (("A King's Fund survey of GP practices in 2013 found that 47% felt involved in their CCG's decisions, while"
      " the BMA's poll of GPs the same year found 35% were not satisfied with how their CCG was run."),
     '35%', None, 'no-match'),
    (('A 2014 NHS Clinical Commissioners survey found 44 per cent of CCGs already sharing IT services with '
      'neighbouring CCGs.'),
     '44 per cent', None, 'no-match'),
    (("More than a year on, the Alliance and NAPC's autumn 2013 follow-up found 32% of CCGs still felt they had "
      'no say in shaping commissioning support.'),
     '32%', None, 'no-match'),
    (('A second EHI Primary Care poll, run in spring 2013, found 96% of CCGs reporting that they had now been '
      'authorised.'),
     '96%', None, 'no-match'),
    (("Pulse's survey of 400 GPs found 22% confident that their CCG would get the right support from its "
      'commissioning support unit.'),
     '400', None, 'no-match'),
    (("Pulse's survey of 400 GPs found 22% confident that their CCG would get the right support from its "
      'commissioning support unit.'),
     '22%', None, 'no-match'),
    (("In HSJ's first barometer last October, 61 per cent of leaders said their CCG was on track for "
      'authorisation.'),
     '61 per cent', None, 'no-match'),
    (("A Londonwide LMCs survey found three in four practices had not been consulted on their CCG's "
      'commissioning support plans.'),
     'three in four', None, 'no-match'),
    ("The Nuffield Trust's 2012 survey of CCG leaders found 25% had an IT strategy in place.",
     '25%', None, 'no-match'),
    # --- Non-survey numbers (no-match); two more are in the board paper above
    ("From April 2013 CCGs will hold about two-thirds of the NHS budget, overseen by NHS England's 27 area teams.",
     'about two-thirds', None, 'no-match'),
    ("From April 2013 CCGs will hold about two-thirds of the NHS budget, overseen by NHS England's 27 area teams.",
     '27', None, 'no-match'),
    (('With a running cost allowance of £25 a head, many CCGs will buy in help from one of the 23 emerging '
      'commissioning support units.'),
     '25', None, 'no-match'),
    (('With a running cost allowance of £25 a head, many CCGs will buy in help from one of the 23 emerging '
      'commissioning support units.'),
     '23', None, 'no-match'),
]
