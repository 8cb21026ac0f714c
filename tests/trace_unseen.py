"""Held-out test sentences for ``nhskg trace``: figures in news-style text and the findings they should trace to.

Written on 2026-11-27 by a separate session that had NOT read the matcher (nothing under
src/nhskg/trace/, nor tests/trace_cases.py, tests/test_trace.py, benchmarks/ or the shared articles).
It was written only from the five seed texts (graph/sources/*.txt), graph/sources/SOURCES.md, the
curated findings (graph/curation/) and the verdict rules in ``nhskg.figures.judge_fit``; ``nhskg trace``
was never run on these sentences while they were being written.

It was meant to measure generalisation. Its first and only unseen measurement (2026-11-27, before any
change made after reading it): precision 0.750, recall 0.794, verdict accuracy 0.750, false matches 6/22,
false ``contradicts`` 4 (number-only baseline 0.327 / 0.500 / 0.411 / 18/22 / 0). The main session then
read its misses and changed the matcher, so it is now DEVELOPMENT data, reported as such; the sealed set
in ``trace_sealed.py`` (written later by another session, under the same rules) is the held-out one.
Three labels were corrected after that measurement, by the issue's own rule (a reversed claim about a
survey the text names is ``contradicts``, not ``no-match``); each says so. No sentence was edited. Every sentence is written fresh in the style of a 2012-2013 news report or press release; none is
copied from the seed texts.

Each case is (sentence, figure_words, expected_finding, expected_verdict):
- figure_words: the exact substring of the sentence that is the figure (qualifier included, as the
  curators write ``figure``);
- expected_finding: the id after ``https://w3id.org/nhskg/id/finding/``, or None when the figure should
  match no finding;
- expected_verdict: exact | rounded | approximate | fits | stretched | contradicts | derived | no-match
  (no-match exactly when expected_finding is None).
"""

from __future__ import annotations

UNSEEN: list[tuple[str, str, str | None, str]] = [
    # --- 1. Faithful paraphrases of seed findings: the same number, reworded (exact) -------------------
    (
        "Forty-seven per cent of the CCGs that answered the NHS Alliance and NAPC questionnaire said they "
        "had been fully involved in shaping the commissioning support put in place locally.",
        "Forty-seven per cent",
        "nhsa-napc-survey-000/fully-involved",
        "exact",
    ),
    (
        "CCGs feel hemmed in on commissioning support. In the survey by the NHS Alliance and the National "
        "Association of Primary Care, 46 per cent said the support offer open to them left them feeling "
        "constricted.",
        "46 per cent",
        "nhsa-napc-survey-000/feel-constricted",
        "exact",
    ),
    (
        "Only 18% of clinical commissioning groups think the way the NHS Commissioning Board and PCT "
        "clusters work with them is 'about right', a survey by the NHS Alliance and NAPC has found.",
        "Only 18%",
        "nhsa-napc-survey-000/about-right",
        "exact",
    ),
    (
        "Of those CCGs that felt restricted, 60 per cent said existing PCT cluster support was the only "
        "option they had been offered, the NHS Alliance and NAPC survey found.",
        "60 per cent",
        "nhsa-napc-survey-000/pct-cluster-support-only",
        "exact",
    ),
    (
        "Sixty-eight per cent of the CCG leaders who took part in HSJ's third clinical commissioning "
        "barometer described their NHS England local area team's dealings with them as good or very good.",
        "Sixty-eight per cent",
        "hsj-barometer-3/area-team-good",
        "exact",
    ),
    (
        "Commissioners are more upbeat about money: asked how sure they were of living within their budget "
        "without harming quality or access, CCG leaders in the HSJ barometer gave an average score of 7.2.",
        "7.2",
        "hsj-barometer-3/budget-confidence-score",
        "exact",
    ),
    (
        "When HSJ put the same budget question to CCG leaders in its October barometer, the average "
        "score was 6.6.",
        "6.6",
        "hsj-barometer-1/budget-confidence-score-october",
        "exact",
    ),
    (
        "The EHI Primary Care poll, carried out during April, found that 35 per cent of those who "
        "responded were 'not satisfied' with the plans for their commissioning support.",
        "35 per cent",
        "ehi-pc-survey-2012/not-satisfied",
        "exact",
    ),
    (
        "Only three per cent of respondents to the EHI Primary Care survey said they planned to look "
        "outside the NHS for better-quality commissioning support.",
        "Only three per cent",
        "ehi-pc-survey-2012/outside-nhs",
        "exact",
    ),
    (
        "Ninety-six per cent of the GPs and CCG leaders polled by EHI Primary Care predicted their group "
        "would be authorised by April 2013.",
        "Ninety-six per cent",
        "ehi-pc-survey-2012/authorised-by-april-2013",
        "exact",
    ),
    (
        "The NAPC and NHS Alliance survey, issued in January 2012, drew 95 responses, and 84.2% of them said "
        "they had not been told enough about the commissioning support choices open to them.",
        "84.2%",
        "coalition-support-survey-2012/insufficient-information",
        "exact",
    ),
    (
        "Sixty-one per cent of CCG leaders told the survey unveiled to Andrew Lansley that they were "
        "'very engaged' with their local QIPP plan.",
        "Sixty-one per cent",
        "ccg-leaders-survey-004/very-engaged-qipp",
        "exact",
    ),
    (
        "Based on 131 responses from GPs and managers in CCGs, the survey put to the health secretary found "
        "just 22 per cent confident that they would get the right commissioning support.",
        "just 22 per cent",
        "ccg-leaders-survey-004/confident-right-support",
        "exact",
    ),
    (
        "Fifty-one per cent of HSJ barometer respondents said CCGs should lead major service change jointly "
        "and equally with one another, with NHS England contributing alongside other partners.",
        "Fifty-one per cent",
        "hsj-barometer-3/ccgs-lead-jointly",
        "exact",
    ),
    (
        "Two thirds of CCGs fear inheriting NHS debts. NHS Alliance chair Dr Michael Dixon told Mr Lansley "
        "that two in every three groups surveyed expected to be left with debts from NHS organisations.",
        "Two thirds",
        "ccg-leaders-survey-004/expect-debts",
        "exact",
    ),
    # Figures the seed texts imply but do not state, which the graph holds as derived findings
    # (area-team-good-january = 68 + 5; working-with-other-ccgs-within-12-months = 100 - 44).
    (
        "Back in January, 73 per cent of CCG leaders responding to the HSJ barometer had rated their area "
        "team's interactions with them as good or very good.",
        "73 per cent",
        "hsj-barometer-2/area-team-good-january",
        "exact",
    ),
    (
        "While 44% of EHI Primary Care's respondents already work with neighbouring CCGs on IT, the "
        "remaining 56% expect to start doing so within the next 12 months.",
        "56%",
        "ehi-pc-survey-2012/working-with-other-ccgs-within-12-months",
        "exact",
    ),
    # --- 2. Rounded, approximate and verbal forms (and one stretch, one contradiction) -----------------
    (
        "Seven in ten respondents to the coalition's January survey were unhappy with the commissioning "
        "support being offered to them, NAPC and the NHS Alliance said.",
        "Seven in ten",
        "coalition-support-survey-2012/dissatisfied-with-offer",
        "approximate",
    ),
    (
        "The January survey by NAPC and the NHS Alliance found 27% had gone with their PCT cluster's offer "
        "because they got on well with its support staff.",
        "27%",
        "coalition-support-survey-2012/pct-cluster-good-relationships",
        "rounded",
    ),
    (
        "In the Clinical Commissioning Coalition's survey of 95 CCGs, 84 per cent of respondents said they "
        "lacked sufficient information about their commissioning support options.",
        "84 per cent",
        "coalition-support-survey-2012/insufficient-information",
        "rounded",
    ),
    (
        "Almost half of the CCGs questioned by the NHS Alliance and NAPC said they had been fully involved "
        "in shaping the local support offer.",
        "Almost half",
        "nhsa-napc-survey-000/fully-involved",
        "fits",
    ),
    (
        "One in five CCGs in the NHS Alliance and NAPC survey complained that the style of working "
        "imposed by the Commissioning Board and PCT clusters was too prescriptive.",
        "One in five",
        "nhsa-napc-survey-000/too-prescriptive",
        "approximate",
    ),
    (
        "A third of CCG leaders responding to EHI Primary Care's poll were not satisfied with the plans "
        "made for their commissioning support.",
        "A third",
        "ehi-pc-survey-2012/not-satisfied",
        "approximate",
    ),
    (
        "Over two fifths of England's CCGs had at least one leader take part in the latest HSJ "
        "commissioning barometer.",
        "Over two fifths",
        "hsj-barometer-3/ccg-response-rate",
        "fits",
    ),
    (
        "Of the CCGs that felt restricted in the NHS Alliance and NAPC survey, nearly half had not been "
        "told about all the choices available to them.",
        "nearly half",
        "nhsa-napc-survey-000/not-made-aware",
        "fits",
    ),
    (
        "Six in ten CCGs surveyed by the NHS Alliance and NAPC were confident or very confident that they "
        "would be ready for full authorisation in April 2013.",
        "Six in ten",
        "nhsa-napc-survey-000/authorisation-confident-or-very",
        "exact",
    ),
    (
        "Fewer than a third of CCGs told the NHS Alliance and NAPC they were fully or fairly confident of "
        "commissioning services as they saw fit within the resources available.",
        "Fewer than a third",
        "nhsa-napc-survey-000/resources-fully-or-fairly-confident",
        "fits",
    ),
    (
        "More than a third of the CCGs surveyed by the NHS Alliance and NAPC described their emerging "
        "relationship with PCT clusters as 'controlling and directing'.",
        "More than a third",
        "nhsa-napc-survey-000/pct-controlling",
        "stretched",
    ),
    (
        "Two-thirds of the CCGs questioned by the NHS Alliance and NAPC said they had been fully involved "
        "in shaping their local commissioning support offer.",
        "Two-thirds",
        "nhsa-napc-survey-000/fully-involved",
        "contradicts",
    ),
    # --- 3. Reversed meaning with the same number as a seed finding (no-match) -------------------------
    (
        "In HSJ's third barometer, 68 per cent of CCG leaders rated their local area team's interactions "
        "with them as poor or very poor.",
        "68 per cent",
        "hsj-barometer-3/area-team-good",  # relabelled: the survey is named, so contradicts
        "contradicts",
    ),
    (
        "The NHS Alliance and NAPC survey found 47% of CCGs said they had not been involved at all in "
        "shaping their local commissioning support.",
        "47%",
        "nhsa-napc-survey-000/not-involved",  # relabelled: the survey is named, so contradicts
        "contradicts",
    ),
    (
        "EHI Primary Care's April poll found 35% of respondents were 'very satisfied' with the plans for "
        "their commissioning support.",
        "35%",
        "ehi-pc-survey-2012/not-satisfied",  # relabelled: the survey is named, so contradicts
        "contradicts",
    ),
    (
        "Ninety per cent of the CCG leaders whose views were put to Mr Lansley said they felt shut out of "
        "commissioning altogether.",
        "Ninety per cent",
        None,
        "no-match",
    ),
    (
        "The coalition's January survey found 84.2% of respondents said they had been given all the "
        "information they needed about their commissioning support options.",
        "84.2%",
        None,
        "no-match",
    ),
    (
        "Three out of four EHI Primary Care respondents said they had given up on securing any in-house IT "
        "support over the coming year.",
        "Three out of four",
        None,
        "no-match",
    ),
    # --- 4. Other surveys, other waves, other bodies, other years: coinciding numbers (no-match) -------
    (
        "A BMA poll of its GP members published in 2012 found 47% were unhappy with the commissioning "
        "support arrangements being drawn up for their CCG.",
        "47%",
        None,
        "no-match",
    ),
    (
        "The fourth HSJ barometer, carried out over the summer of 2013, again found 68 per cent of CCG "
        "leaders rating their area team as good or very good.",
        "68 per cent",
        None,
        "no-match",
    ),
    (
        "In HSJ's October barometer, 51 per cent of CCG leaders said they expected to lead service change "
        "jointly with neighbouring groups.",
        "51 per cent",
        None,
        "no-match",
    ),
    (
        "A King's Fund survey of GPs found 61 per cent felt very engaged with the work of their clinical "
        "commissioning group.",
        "61 per cent",
        None,
        "no-match",
    ),
    (
        "A Healthcare Financial Management Association survey of NHS trust finance directors found 44 per "
        "cent expected to miss their savings targets this year.",
        "44 per cent",
        None,
        "no-match",
    ),
    (
        "Pulse's own poll of 512 GPs found 32% said they had not been involved in any of their CCG's "
        "decisions.",
        "32%",
        None,
        "no-match",
    ),
    (
        "When the NHS Alliance and NAPC repeated their survey of CCGs in the autumn of 2013, 47 per cent "
        "said they had been fully involved in shaping their commissioning support.",
        "47 per cent",
        None,
        "no-match",
    ),
    (
        "NHS Confederation research among hospital chief executives found two thirds expected their trust "
        "to end the year in deficit.",
        "two thirds",
        None,
        "no-match",
    ),
    (
        "EHI Primary Care's 2013 follow-up poll found 96% of CCGs had now been authorised, many of them "
        "with conditions attached.",
        "96%",
        None,
        "no-match",
    ),
    (
        "A Patients Association survey of 1,000 patients found 70.7% could not get an appointment with "
        "their GP within two working days.",
        "70.7%",
        None,
        "no-match",
    ),
    # --- 5. Numbers that are not survey figures: money, counts, dates (no-match) -----------------------
    (
        "England's 211 clinical commissioning groups took charge of around £65bn of NHS spending when they "
        "went live on 1 April 2013.",
        "211",
        None,
        "no-match",
    ),
    (
        "CCGs will receive a running-cost allowance of £25 a head of population to pay for management and "
        "commissioning support.",
        "£25",
        None,
        "no-match",
    ),
    (
        "NHS England now runs 27 local area teams, which hold CCGs to account and commission GP services "
        "directly.",
        "27",
        None,
        "no-match",
    ),
    (
        "The first wave of 35 CCGs went before the authorisation panels in the summer of 2012.",
        "35",
        None,
        "no-match",
    ),
    (
        "Mr Lansley told the conference the reforms would put about 60 per cent of the NHS budget in the "
        "hands of clinical commissioners.",
        "about 60 per cent",
        None,
        "no-match",
    ),
    (
        "The NHS Commissioning Board is due to announce the final authorisation decisions on 17 December "
        "2012.",
        "17",
        None,
        "no-match",
    ),
    # --- 6. Complements: a finding stated the opposite way, 100 minus its value (derived) --------------
    (
        "Fifty-three per cent of the CCGs in the NHS Alliance and NAPC survey stopped short of saying they "
        "had been fully involved in shaping their local commissioning support.",
        "Fifty-three per cent",
        "nhsa-napc-survey-000/fully-involved",
        "derived",
    ),
    (
        "In HSJ's third barometer, 32 per cent of CCG leaders did not describe their area team's "
        "interactions with them as good or very good.",
        "32 per cent",
        "hsj-barometer-3/area-team-good",
        "derived",
    ),
    (
        "Only 15.8% of those responding to the NAPC and NHS Alliance survey in January felt they had been "
        "given enough information about the commissioning support choices available.",
        "Only 15.8%",
        "coalition-support-survey-2012/insufficient-information",
        "derived",
    ),
    (
        "Just 4% of the EHI Primary Care poll's respondents did not expect their CCG to be authorised by "
        "April 2013.",
        "Just 4%",
        "ehi-pc-survey-2012/authorised-by-april-2013",
        "derived",
    ),
    (
        "Thirty-nine per cent of the CCG leaders whose survey results were presented to Mr Lansley did not "
        "describe themselves as 'very engaged' in their local QIPP plan.",
        "Thirty-nine per cent",
        "ccg-leaders-survey-004/very-engaged-qipp",
        "derived",
    ),
]
