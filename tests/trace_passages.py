"""Labelled passages for ``nhskg trace``: development data.

Written on 2026-11-27 by a separate session that had read neither the matcher (src/nhskg/trace/) nor
any other labelled set (trace_cases.py, trace_unseen.py, trace_sealed.py, test_trace.py, benchmarks/).
Its author read only the five seed texts (graph/sources/*.txt), the curation YAML (graph/curation/),
the finding list from the graph, and the verdict rules in the docstring of ``figures.judge_fit``.
The passages were written from scratch and ``nhskg trace`` was never run on them.

Each passage is written as an article of 2012-2014 might run it (trade press, a CCG board paper, a
think-tank blog, a local paper, a union press release). Each figure in it is a tuple of its own:

    (text, figure_words, expected_finding, expected_verdict)

- ``figure_words``: the exact words of the figure; they occur exactly once in ``text``.
- ``expected_finding``: the finding id after ``https://w3id.org/nhskg/id/finding/``, or None when no
  finding in the graph is the figure's source (another survey, another wave or year, another body, or
  a number that is not a survey result at all: money, counts of CCGs or practices, dates, scales).
- ``expected_verdict``: exact | rounded | approximate | fits | stretched | contradicts | derived |
  no-match (no-match iff the finding is None).

Labelling choices, stated so that a disagreement can be argued with rather than guessed at:
- A figure whose meaning is the reverse of a finding's ("90 per cent said they did not feel engaged"
  when 90 per cent said they did) is labelled with that finding and ``contradicts``: the passage names
  the survey, so the claim can be checked, and it is far off the truth (10 per cent).
- A figure that is the complement of a finding said the opposite way ("53 per cent had not been fully
  involved" for 47% fully involved) is labelled with the finding it is the complement of and
  ``derived``.
- A figure misreported for a named seed survey and question is labelled with that question's finding
  and ``contradicts`` only when it is more than 10 points off (more than 5 with a qualifier).
- Verbal figures are judged on their nominal value (a third = 33.3, two-thirds = 66.7, one in five =
  20); a ratio or fraction equal to the finding ("three in ten" for 30%) is ``exact``.
- A figure from a later wave of the HSJ barometer, a later EHI poll or another body is ``no-match``
  even when its number and question coincide with a seed finding's.

First measured (unseen, commit after 56389d1, 2026-11-27): precision 0.915, recall 0.717, verdict
accuracy 0.765, false matches 0/21, false ``contradicts`` 2 (81 figures; number-only baseline 0.425 /
0.517 / 0.469 / 13/21 / 0). Its misses were then read to improve the matcher: development data.
"""

from __future__ import annotations

# --- 000: NHS Alliance / NAPC survey (about September 2011) -------------------------------------------

_P01 = (
    "Nearly half of CCGs fully involved in support plans, says NHS Alliance. "
    "Some 47% of the clinical commissioning groups questioned by the NHS Alliance and NAPC said they had "
    "been fully involved in shaping their local commissioning support offer, while 32% said they had not "
    "been involved at all. The findings come as PCT clusters prepare to hand over £1.6bn of management "
    "budgets to the new commissioning architecture."
)

_P02 = (
    "Of the CCGs that felt constricted, 40% had been given no choice at all, the NHS Alliance/NAPC survey "
    "found. Almost half (47%) had not been told about all the options open to them, and one in five said "
    "they would carry the financial cost of turning the PCT down."
)

_P03 = (
    "Ready for go-live? Asked by the NHS Alliance and NAPC how confident they were of being ready for "
    "full authorisation in April 2013, CCGs split 17% very confident, 43% confident, with the rest unsure "
    "or not confident."
)

_P04 = (
    "CCGs divided over PCT clusters. Just over a third of CCGs in the NHS Alliance/NAPC survey called "
    "their emerging relationship with PCT clusters locally enabling and permissive. But 32% felt the "
    "clusters were controlling and directing, close to the 33% of GPs in a separate Pulse poll of 400 "
    "practices who said their PCT was obstructive."
)

_P05 = (
    "Unite: commissioners feel squeezed from the centre. Unite, which represents 100,000 health workers, "
    "said the NHS Alliance and NAPC survey showing 44 per cent of CCGs found the national style of "
    "working too centralist vindicated its warnings. Almost half of CCGs, the union's statement said, "
    "now regard the Commissioning Board as too centralist."
)

_P06 = (
    "Blog: who really shaped commissioning support? The NHS Alliance and NAPC survey is often quoted as "
    "showing that over half of CCGs were fully involved in shaping their local support offer. In fact "
    "the figure was 47%, and 53 per cent said they had not been fully involved, which is hardly a "
    "ringing endorsement."
)

_P07 = (
    "Local GPs echo national concerns. Dr Peter Hale, who chairs the county's shadow CCG, said the "
    "national picture, in which 46 per cent of CCGs told the NHS Alliance and NAPC they felt constricted "
    "in the support offer and four in ten said they did not, matched what he heard from the 19 practices "
    "in his group."
)

_P08 = (
    "According to the survey by the NHS Alliance and the National Association of Primary Care, 28% of "
    "CCGs feel constricted in the commissioning support offer available to them, while 35% do not. The "
    "two organisations want CCGs to be free to choose where their support comes from."
)

_P09 = (
    "Two years on from the NHS Alliance/NAPC survey in which 46% of CCGs said they felt constricted in "
    "the commissioning support offer, little has changed. A 2014 NHS Clinical Commissioners poll found "
    "46 per cent of CCG leaders still felt constrained, this time by NHS England's assurance regime."
)

_P10 = (
    "Think-tank research tracking six CCGs found 47% of GPs in member practices felt they had a real say "
    "in their CCG's decisions. That is the same proportion of CCGs that told the NHS Alliance and NAPC "
    "they had been fully involved in shaping their commissioning support."
)

_P11 = (
    "The first wave of authorisation saw 34 CCGs authorised in December 2012. Of those that told the NHS "
    "Alliance and NAPC how they saw their relationship with PCT clusters, 28% had said the clusters were "
    "mirroring their previous style."
)

# --- 001: HSJ clinical commissioning barometer, third wave (2013) -------------------------------------

_P12 = (
    "CCG leaders more confident on budgets. Ninety-four leaders took part in the third "
    "HSJ/GatenbySanderson commissioning barometer, which put their average confidence of staying within "
    "budget without hitting quality or access at 7.2."
)

_P13 = (
    "Relations with area teams sour. Just over two-thirds of CCG leaders (68 per cent) told HSJ's "
    "commissioning barometer that their NHS England area team's dealings with them were good or very "
    "good, down five percentage points on January. Relationships, said Bassetlaw CCG chair Steve Kell, "
    "vary between the 27 area teams."
)

_P14 = (
    "In the fourth HSJ commissioning barometer, carried out in the summer of 2013, 68 per cent of CCG "
    "leaders again rated their area team's interactions as good or very good. The average budget "
    "confidence score slipped to 6.6."
)

_P15 = (
    "Barometer: area team relations worsen. Only 56 per cent of the CCG leaders who answered HSJ's third "
    "commissioning barometer described their area team's interactions with their CCG as good or very "
    "good."
)

_P16 = (
    "National surveys of CCG leaders (board paper). The HSJ barometer's October wave put CCG leaders' "
    "average confidence that they could stick to budget without compromising quality at 6.6. Against a "
    "running cost allowance of £25 per head, the board's own self-assessment gave a score of 6.8."
)

_P17 = (
    "HSJ barometer: 32 per cent of the CCG leaders surveyed did not describe their area team's "
    "interactions as good or very good. In the January wave, 73 per cent had done so."
)

# --- 002: EHI Primary Care survey (April 2012) --------------------------------------------------------

_P18 = (
    "EHI poll: a third of CCG leaders unhappy with support. The EHI Primary Care survey, which ran "
    "through April, found 35% of respondents were not satisfied with plans for their commissioning "
    "support."
)

_P19 = (
    "Three-quarters of CCGs want in-house IT. Some 75% of those answering the EHI Primary Care poll "
    "hoped to secure in-house IT support within the next 12 months."
)

_P20 = (
    "CCGs slow to set IT budgets. When EHI Primary Care surveyed commissioners in April 2012, 79% had "
    "yet to establish an IT budget, though the bulk expected to have one within a year. The same poll "
    "found just 4 per cent did not expect their CCG to be authorised by April 2013."
)

_P21 = (
    "Private sector eyed for support. A quarter of the CCG leaders who answered EHI Primary Care's April "
    "poll said they planned to go outside the NHS for a better quality of commissioning support, while "
    "44% planned to stay with their local CSS because of good past relationships with PCT staff."
)

_P22 = (
    "CCG leaders content with support plans, says EHI poll. Asked by EHI Primary Care in April 2012 "
    "about the plans for their commissioning support, 65% said they were satisfied. Even so, almost a "
    "quarter felt they had no choice but to use their local CSS."
)

_P23 = (
    "A year on, EHI Primary Care's 2013 survey of CCG IT leads found 44% had agreed an IT strategy, up "
    "from a quarter in its 2012 poll. Separately, a Royal College of GPs survey found 96% of its members "
    "wanted GP clinical systems to talk to each other."
)

_P24 = (
    "NHS England's CCG 360 stakeholder survey, run by Ipsos MORI, found 75% of GP members felt engaged "
    "by their CCG. That sits oddly with the EHI Primary Care poll of 2012, in which 75 per cent said they "
    "did not expect to secure any in-house IT support in the next year."
)

# --- 003: Clinical Commissioning Coalition survey (January 2012, 95 responses) ------------------------

_P25 = (
    "Coalition survey: CCGs in the dark on support choices. The NAPC and NHS Alliance survey issued in "
    "January 2012 and answered by 95 CCGs found 84 per cent had not been given enough information about "
    "their choices of commissioning support. Seventy-one per cent were dissatisfied with the support on "
    "offer."
)

_P26 = (
    "Responses came from all four SHA clusters, a third of them from the North of England and 13% from "
    "London. More than a quarter of respondents said they had gone with their PCT cluster's offer "
    "because relationships with PCT support staff were good."
)

_P27 = (
    "The NAPC and NHS Alliance survey of January 2012 found 40% of CCGs had taken their PCT cluster's "
    "offer simply because they were too busy to explore anything else. The CCG's own review of its "
    "commissioning support options is due to report on 30 June."
)

_P28 = (
    "The Coalition's January 2012 survey found 84.2% of respondents had been given sufficient information "
    "about the choices of commissioning support available to them. Dr Charles Alessi called the results "
    "a snapshot of what is happening locally."
)

# --- 004: survey of CCG leaders presented to Andrew Lansley (131 responses) ---------------------------

_P29 = (
    "Lansley hears of support frustrations. A survey of GPs and managers in CCGs, presented by NHS "
    "Alliance chair Michael Dixon, found nine in ten engaged in commissioning. \"Only 22 per cent are "
    "confident they will get the right support, and that should worry everyone,\" Dr Dixon said."
)

_P30 = (
    "Two-thirds of CCGs fear inheriting debts. Two in three of the CCG leaders surveyed for the Clinical "
    "Commissioning Coalition's launch conference expect to inherit debts from NHS organisations."
)

_P31 = (
    "Michael Dixon told the health secretary that just 11 per cent of the 131 respondents were confident "
    "they would get the right commissioning support. He urged Andrew Lansley to let CCGs of different "
    "sizes flourish."
)

_P32 = (
    "Engagement myth? Ninety per cent of the CCG leaders polled for the Clinical Commissioning "
    "Coalition's launch said they did not feel engaged in commissioning, NHS Alliance chair Michael Dixon "
    "told Andrew Lansley."
)

# --- two seed surveys in one passage ------------------------------------------------------------------

_P33 = (
    "Two snapshots of commissioning. In EHI Primary Care's April 2012 poll, 96% of respondents doubted "
    "that their CCG would be authorised by April 2013. A year later, 68 per cent of the CCG leaders "
    "answering HSJ's third barometer called their area team's interactions poor or very poor."
)


PASSAGES: list[tuple[str, str, str | None, str]] = [
    # 000: NHS Alliance / NAPC
    (_P01, "Nearly half", "nhsa-napc-survey-000/fully-involved", "fits"),
    (_P01, "47%", "nhsa-napc-survey-000/fully-involved", "exact"),
    (_P01, "32%", "nhsa-napc-survey-000/not-involved", "exact"),
    (_P01, "£1.6bn", None, "no-match"),
    (_P02, "40%", "nhsa-napc-survey-000/no-choice", "exact"),
    (_P02, "Almost half", "nhsa-napc-survey-000/not-made-aware", "fits"),
    (_P02, "47%", "nhsa-napc-survey-000/not-made-aware", "exact"),
    (_P02, "one in five", "nhsa-napc-survey-000/financial-consequences", "approximate"),
    (_P03, "17%", "nhsa-napc-survey-000/authorisation-very-confident", "exact"),
    (_P03, "43%", "nhsa-napc-survey-000/authorisation-confident", "exact"),
    (_P04, "Just over a third", "nhsa-napc-survey-000/pct-enabling", "fits"),
    (_P04, "32%", "nhsa-napc-survey-000/pct-controlling", "exact"),
    (_P04, "33%", None, "no-match"),
    (_P04, "400", None, "no-match"),
    (_P05, "100,000", None, "no-match"),
    (_P05, "44 per cent", "nhsa-napc-survey-000/too-centralist", "exact"),
    (_P05, "Almost half", "nhsa-napc-survey-000/too-centralist", "stretched"),
    (_P06, "over half", "nhsa-napc-survey-000/fully-involved", "stretched"),
    (_P06, "47%", "nhsa-napc-survey-000/fully-involved", "exact"),
    (_P06, "53 per cent", "nhsa-napc-survey-000/fully-involved", "derived"),
    (_P07, "46 per cent", "nhsa-napc-survey-000/feel-constricted", "exact"),
    (_P07, "four in ten", "nhsa-napc-survey-000/not-constricted", "stretched"),
    (_P07, "19", None, "no-match"),
    (_P08, "28%", "nhsa-napc-survey-000/feel-constricted", "contradicts"),
    (_P08, "35%", "nhsa-napc-survey-000/not-constricted", "exact"),
    (_P09, "46%", "nhsa-napc-survey-000/feel-constricted", "exact"),
    (_P09, "46 per cent", None, "no-match"),
    (_P10, "six", None, "no-match"),
    (_P10, "47%", None, "no-match"),
    (_P11, "34", None, "no-match"),
    (_P11, "28%", "nhsa-napc-survey-000/pct-mirroring", "exact"),
    # 001: HSJ barometer
    (_P12, "Ninety-four", "hsj-barometer-3/leaders-responding", "exact"),
    (_P12, "7.2", "hsj-barometer-3/budget-confidence-score", "exact"),
    (_P13, "Just over two-thirds", "hsj-barometer-3/area-team-good", "fits"),
    (_P13, "68 per cent", "hsj-barometer-3/area-team-good", "exact"),
    (_P13, "down five percentage points", "hsj-barometer-3/area-team-good-drop", "exact"),
    (_P13, "27", None, "no-match"),
    (_P14, "68 per cent", None, "no-match"),
    (_P14, "6.6", None, "no-match"),
    (_P15, "56 per cent", "hsj-barometer-3/area-team-good", "contradicts"),
    (_P16, "6.6", "hsj-barometer-1/budget-confidence-score-october", "exact"),
    (_P16, "£25", None, "no-match"),
    (_P16, "6.8", None, "no-match"),
    (_P17, "32 per cent", "hsj-barometer-3/area-team-good", "derived"),
    (_P17, "73 per cent", "hsj-barometer-2/area-team-good-january", "exact"),
    # 002: EHI Primary Care
    (_P18, "a third", "ehi-pc-survey-2012/not-satisfied", "approximate"),
    (_P18, "35%", "ehi-pc-survey-2012/not-satisfied", "exact"),
    (_P19, "Three-quarters", "ehi-pc-survey-2012/in-house-it-hoped", "exact"),
    (_P19, "75%", "ehi-pc-survey-2012/in-house-it-hoped", "exact"),
    (_P19, "12", None, "no-match"),
    (_P20, "79%", "ehi-pc-survey-2012/it-budget-established", "derived"),
    (_P20, "4 per cent", "ehi-pc-survey-2012/authorised-by-april-2013", "derived"),
    (_P21, "A quarter", "ehi-pc-survey-2012/outside-nhs", "contradicts"),
    (_P21, "44%", "ehi-pc-survey-2012/local-css-good-relationships", "exact"),
    (_P22, "65%", "ehi-pc-survey-2012/not-satisfied", "derived"),
    (_P22, "almost a quarter", "ehi-pc-survey-2012/local-css-no-choice", "fits"),
    (_P23, "44%", None, "no-match"),
    (_P23, "a quarter", "ehi-pc-survey-2012/it-strategy", "exact"),
    (_P23, "96%", None, "no-match"),
    (_P24, "360", None, "no-match"),
    (_P24, "75%", None, "no-match"),
    (_P24, "75 per cent", "ehi-pc-survey-2012/in-house-it-hoped", "contradicts"),
    # 003: Clinical Commissioning Coalition, January 2012
    (_P25, "95", "coalition-support-survey-2012/responses", "exact"),
    (_P25, "84 per cent", "coalition-support-survey-2012/insufficient-information", "rounded"),
    (_P25, "Seventy-one per cent", "coalition-support-survey-2012/dissatisfied-with-offer", "rounded"),
    (_P26, "four", None, "no-match"),
    (_P26, "a third", "coalition-support-survey-2012/respondents-nhs-north-of-england", "approximate"),
    (_P26, "13%", "coalition-support-survey-2012/respondents-nhs-london", "rounded"),
    (_P26, "More than a quarter", "coalition-support-survey-2012/pct-cluster-good-relationships", "fits"),
    (_P27, "40%", "coalition-support-survey-2012/pct-cluster-too-busy", "contradicts"),
    (_P27, "30", None, "no-match"),
    (_P28, "84.2%", "coalition-support-survey-2012/insufficient-information", "contradicts"),
    # 004: survey presented to Andrew Lansley
    (_P29, "nine in ten", "ccg-leaders-survey-004/engaged-in-commissioning", "exact"),
    (_P29, "22 per cent", "ccg-leaders-survey-004/confident-right-support", "exact"),
    (_P30, "Two-thirds", "ccg-leaders-survey-004/expect-debts", "exact"),
    (_P30, "Two in three", "ccg-leaders-survey-004/expect-debts", "exact"),
    (_P31, "11 per cent", "ccg-leaders-survey-004/confident-right-support", "contradicts"),
    (_P31, "131", "ccg-leaders-survey-004/responses", "exact"),
    (_P32, "Ninety per cent", "ccg-leaders-survey-004/engaged-in-commissioning", "contradicts"),
    # two seed surveys in one passage
    (_P33, "96%", "ehi-pc-survey-2012/authorised-by-april-2013", "contradicts"),
    (_P33, "68 per cent", "hsj-barometer-3/area-team-good", "contradicts"),
]
