"""The demo case vignettes: fictional patients in UK primary care, held as plain data.

Every reference answer here is checked against the scoring core by the tests, and again by the
vignette page when it is published, so a vignette that says "medium risk" scores as medium risk.
The set is chosen to teach: each risk group, each boundary trainees stumble on (total 3 against 4,
subscale 3 against 4, item 9 "moderately" against "very much", a high total that is only medium,
a modest total that is high), consultations to interpret, and red flags that stop stratification.

No Django import: the loader in `scoring_practice.demo` turns this into pages.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum

from scoring_practice.startback import (
    ITEM_NUMBERS,
    MatchedTreatment,
    RiskGroup,
    matched_treatment,
    red_flag,
)


class Mode(StrEnum):
    """How the trainee meets the case."""

    QUESTIONNAIRE = "questionnaire"  # the ticked answers are shown; score and classify them
    CONSULTATION = "consultation"  # infer the nine answers from the story
    RED_FLAG = "red_flag"  # decide first whether the case can be stratified at all


class Difficulty(StrEnum):
    INTRODUCTORY = "introductory"
    INTERMEDIATE = "intermediate"
    ADVANCED = "advanced"


class Focus(StrEnum):
    """Which profession the case is written for."""

    GP = "gp"
    PHYSIOTHERAPIST = "physiotherapist"
    BOTH = "both"


# Answer values, spelt as the core spells them.
A = "agree"
D = "disagree"
NOT_AT_ALL = "not_at_all"
SLIGHTLY = "slightly"
MODERATELY = "moderately"
VERY_MUCH = "very_much"
EXTREMELY = "extremely"


@dataclass(frozen=True)
class Narrative:
    """Paragraphs of the story, in plain text."""

    paragraphs: tuple[str, ...]


@dataclass(frozen=True)
class PatientQuote:
    """Something the patient says, in their own words."""

    text: str
    speaker: str


@dataclass(frozen=True)
class Examination:
    """Examination findings, one per line."""

    findings: tuple[str, ...]
    heading: str = "Examination findings"


@dataclass(frozen=True)
class CompletedQuestionnaire:
    """The patient's completed questionnaire, ticked as in the reference answers."""


StoryPart = Narrative | PatientQuote | Examination | CompletedQuestionnaire


@dataclass(frozen=True)
class ItemAnswer:
    """The reference answer to one item and why the story supports it."""

    answer: str
    rationale: str


@dataclass(frozen=True)
class DemoVignette:
    """One case: who the patient is, the story, and the reference answers a trainee is marked on.

    `treatment` is the risk group whose matched treatment is the right care, or None when a red
    flag means the right action is referral (`red_flag_action`) rather than stratified care.
    `risk` is always what the core gives for the reference answers, red-flag cases included.
    """

    slug: str
    title: str
    patient_name: str
    age: int
    occupation: str
    presentation: str
    difficulty: Difficulty
    focus: Focus
    mode: Mode
    story: tuple[StoryPart, ...]
    answers: tuple[ItemAnswer, ...]
    risk: RiskGroup
    treatment: RiskGroup | None
    treatment_rationale: str
    red_flags: tuple[str, ...] = field(default=())
    red_flag_action: str = ""

    @property
    def summary(self) -> str:
        """The patient summary line: age, occupation and presentation."""
        return f"{self.age}-year-old {self.occupation}. {self.presentation}"

    @property
    def answer_values(self) -> dict[str, str]:
        """The reference answers keyed "1"–"9", ready for `startback.score`."""
        return {str(n): a.answer for n, a in zip(ITEM_NUMBERS, self.answers, strict=True)}

    @property
    def matched(self) -> MatchedTreatment | None:
        """The core's matched treatment for the reference treatment; None for a referral."""
        return matched_treatment(self.treatment) if self.treatment else None

    @property
    def red_flag_names(self) -> tuple[str, ...]:
        return tuple(red_flag(key).name for key in self.red_flags)


def _answers(*pairs: tuple[str, str]) -> tuple[ItemAnswer, ...]:
    return tuple(ItemAnswer(answer, rationale) for answer, rationale in pairs)


NO_RED_FLAGS = (
    "Red-flag screen negative: no saddle numbness, normal bladder and bowel function, no history "
    "of cancer, no weight loss, no fever, no trauma, no steroid use, and otherwise well."
)

VIGNETTES: tuple[DemoVignette, ...] = (
    # In the order the practice list shows them: introductory cases first, modes mixed.
    DemoVignette(
        slug="darren-hughes",
        title="Darren Hughes: back pain after a week of overtime",
        patient_name="Darren Hughes",
        age=29,
        occupation="warehouse operative",
        presentation=(
            "Five days of central low back pain after a week of extra shifts lifting stock; "
            "no leg symptoms. Seen by his GP."
        ),
        difficulty=Difficulty.INTRODUCTORY,
        focus=Focus.GP,
        mode=Mode.QUESTIONNAIRE,
        story=(
            Narrative(
                (
                    "Darren booked a routine appointment at his GP surgery. The pain started the "
                    "morning after a run of overtime shifts and is easing a little each day. He "
                    "has taken ibuprofen and kept working on lighter duties.",
                    NO_RED_FLAGS,
                    "He completed the STarT Back questionnaire in the waiting room.",
                )
            ),
            CompletedQuestionnaire(),
        ),
        answers=_answers(
            (D, "He ticked Disagree: the pain stays in the centre of his lower back."),
            (D, "He ticked Disagree: he has had no neck or shoulder pain."),
            (D, "He ticked Disagree: he is walking normally around the warehouse."),
            (A, "He ticked Agree: he has been slow getting his socks and boots on."),
            (D, "He ticked Disagree: he does not think activity is unsafe for him."),
            (D, "He ticked Disagree: he is not troubled by worrying thoughts."),
            (D, "He ticked Disagree: he expects the pain to settle."),
            (D, "He ticked Disagree: he is still enjoying his usual activities."),
            (SLIGHTLY, "He ticked Slightly, which scores 0 on item 9."),
        ),
        risk=RiskGroup.LOW,
        treatment=RiskGroup.LOW,
        treatment_rationale=(
            "A total of 1 is low risk: reassure him about the good outlook, advise staying active "
            "and at work, give pain relief advice, written self-management material and "
            "safety-netting, with no routine referral to physiotherapy."
        ),
    ),
    DemoVignette(
        slug="hannah-lewis",
        title="Hannah Lewis: back pain after moving a wardrobe",
        patient_name="Hannah Lewis",
        age=36,
        occupation="primary school teacher",
        presentation="Ten days of low back pain after moving furniture; seen by her GP.",
        difficulty=Difficulty.INTRODUCTORY,
        focus=Focus.GP,
        mode=Mode.CONSULTATION,
        story=(
            Narrative(
                (
                    "Hannah books a routine GP appointment. She moved a wardrobe with her "
                    "partner ten days ago and felt her lower back tighten the next morning. She "
                    "has not missed any school.",
                )
            ),
            PatientQuote(
                "It's just across the bottom of my back. Nothing down my legs. Funnily enough "
                "my neck's been aching too, but that's marking at the kitchen table every night.",
                "Hannah",
            ),
            PatientQuote(
                "I'm still doing playground duty and walking to school, about a mile. The worst "
                "bit is first thing: getting my tights on is a performance, it takes me twice as "
                "long.",
                "Hannah",
            ),
            PatientQuote(
                "I know you're supposed to keep moving with backs. I'm not worried, honestly, "
                "I just want to know if there's anything that'll speed it up. It's annoying "
                "more than anything. I'd say it bothers me a little.",
                "Hannah",
            ),
            Narrative(
                (
                    "She is still going to her Thursday netball, playing gently, and says she is "
                    "enjoying things as usual. She has no saddle numbness, no bladder or bowel "
                    "change, no fever, no weight loss and no history of cancer.",
                )
            ),
            Examination(
                (
                    "Walks in comfortably; moves freely getting onto the couch.",
                    "Lumbar flexion to mid-shin, limited by tightness across the lower back.",
                    "Tender over the left paraspinal muscles at L4–L5.",
                    "Straight leg raise 80° on both sides without leg pain.",
                    "Power, reflexes and sensation in the legs normal.",
                )
            ),
        ),
        answers=_answers(
            (D, "She says the pain is across her lower back with nothing down her legs."),
            (A, "She mentions neck ache from marking, and item 2 counts neck pain of any cause."),
            (D, "She walks a mile to school and does playground duty."),
            (A, "Putting her tights on takes her twice as long as usual."),
            (D, "She knows keeping moving is right for backs and is still playing netball."),
            (D, "She says she is not worried."),
            (D, "She expects it to get better and only wants to speed it up."),
            (D, "She is still enjoying netball and her usual activities."),
            (SLIGHTLY, "She calls it annoying and says it bothers her a little."),
        ),
        risk=RiskGroup.LOW,
        treatment=RiskGroup.LOW,
        treatment_rationale=(
            "Items 2 and 4 score, a total of 2, so she is low risk: reassurance, advice to stay "
            "active and at work, pain relief advice and written self-management material in "
            "primary care, with safety-netting and no physiotherapy referral."
        ),
    ),
    DemoVignette(
        slug="maureen-gallagher",
        title="Maureen Gallagher: six weeks off work",
        patient_name="Maureen Gallagher",
        age=62,
        occupation="school cook",
        presentation=(
            "Three months of low back pain spreading into both buttocks and the back of the "
            "right thigh; off work for six weeks. Seen by her GP."
        ),
        difficulty=Difficulty.INTRODUCTORY,
        focus=Focus.GP,
        mode=Mode.QUESTIONNAIRE,
        story=(
            Narrative(
                (
                    "Maureen has a fit note from the practice and is due back at work next "
                    "month. She has stopped her swimming and no longer meets friends for "
                    "coffee. Her husband comes with her and says she spends most of the day "
                    "on the sofa.",
                    NO_RED_FLAGS,
                    "She completed the questionnaire with her husband in the waiting room.",
                )
            ),
            CompletedQuestionnaire(),
        ),
        answers=_answers(
            (A, "She ticked Agree: pain spreads into the back of her right thigh."),
            (D, "She ticked Disagree: no neck or shoulder pain."),
            (A, "She ticked Agree: she only walks short distances."),
            (A, "She ticked Agree: she is slow to dress and needs help with her shoes."),
            (A, "She ticked Agree: she thinks activity is not safe for her back."),
            (A, "She ticked Agree: worrying thoughts go through her mind a lot."),
            (A, "She ticked Agree: she feels the pain is terrible and will never get better."),
            (A, "She ticked Agree: she has not enjoyed the things she used to."),
            (EXTREMELY, "She ticked Extremely, which scores 1 on item 9."),
        ),
        risk=RiskGroup.HIGH,
        treatment=RiskGroup.HIGH,
        treatment_rationale=(
            "The psychosocial subscale is 5 of 5 (total 8), so she is high risk: psychologically "
            "informed physiotherapy addressing her fear of movement, worry, catastrophising and "
            "low mood, with a plan for returning to work, and pain management where available."
        ),
    ),
    DemoVignette(
        slug="priya-nair",
        title="Priya Nair: back and thigh ache on long drives",
        patient_name="Priya Nair",
        age=47,
        occupation="dental practice manager",
        presentation=(
            "Three weeks of low back pain with an ache into the left buttock and thigh, and "
            "neck ache from desk work. Seen by her GP."
        ),
        difficulty=Difficulty.INTERMEDIATE,
        focus=Focus.GP,
        mode=Mode.QUESTIONNAIRE,
        story=(
            Narrative(
                (
                    "Priya has had two similar episodes in the past five years, each of which "
                    "settled within a couple of months. This time the ache spreads into the back "
                    "of her left thigh on long drives. She is still at work and walks the dog "
                    "each evening.",
                    NO_RED_FLAGS,
                    "She completed the questionnaire before the appointment.",
                )
            ),
            CompletedQuestionnaire(),
        ),
        answers=_answers(
            (A, "She ticked Agree: the ache spreads into her left buttock and thigh."),
            (A, "She ticked Agree: she has neck ache after long days at the computer."),
            (D, "She ticked Disagree: she is still walking the dog every evening."),
            (A, "She ticked Agree: she has been slower dressing in the mornings."),
            (D, "She ticked Disagree: she knows keeping active helps."),
            (D, "She ticked Disagree: she is not troubled by worrying thoughts."),
            (D, "She ticked Disagree: past episodes settled and she expects this one to."),
            (D, "She ticked Disagree: she is still enjoying the things she usually does."),
            (
                MODERATELY,
                "She ticked Moderately, which scores 0; counting it would make the total 4 and "
                "wrongly move her to medium risk.",
            ),
        ),
        risk=RiskGroup.LOW,
        treatment=RiskGroup.LOW,
        treatment_rationale=(
            "Items 1, 2 and 4 score, so the total is 3, which is low risk: support self-management "
            "in primary care with reassurance, advice to stay active and at work, and "
            "safety-netting about the leg symptoms, without routine physiotherapy referral."
        ),
    ),
    DemoVignette(
        slug="gareth-price",
        title="Gareth Price: leg pain behind the wheel",
        patient_name="Gareth Price",
        age=55,
        occupation="bus driver",
        presentation=(
            "Four weeks of low back pain radiating into the right leg; self-referred to a "
            "first-contact physiotherapist at his GP surgery."
        ),
        difficulty=Difficulty.INTERMEDIATE,
        focus=Focus.PHYSIOTHERAPIST,
        mode=Mode.QUESTIONNAIRE,
        story=(
            Narrative(
                (
                    "Gareth has been driving reduced shifts because sitting for more than an "
                    "hour brings on pain down the back of his right leg. He is keen to get back "
                    "to full hours and has been doing the stretches from a leaflet.",
                    NO_RED_FLAGS,
                    "He filled in the questionnaire on the surgery's tablet before his "
                    "appointment with the first-contact physiotherapist.",
                )
            ),
            CompletedQuestionnaire(),
        ),
        answers=_answers(
            (A, "He ticked Agree: pain spreads down the back of his right leg."),
            (D, "He ticked Disagree: no neck or shoulder pain."),
            (A, "He ticked Agree: he stops after short walks because of the leg pain."),
            (A, "He ticked Agree: he has been slower putting on his trousers and shoes."),
            (D, "He ticked Disagree: he is keen to keep active and is doing his stretches."),
            (D, "He ticked Disagree: he is not troubled by worrying thoughts."),
            (D, "He ticked Disagree: he expects to get back to full shifts."),
            (D, "He ticked Disagree: he is still enjoying things outside work."),
            (VERY_MUCH, "He ticked Very much, which scores 1 on item 9."),
        ),
        risk=RiskGroup.MEDIUM,
        treatment=RiskGroup.MEDIUM,
        treatment_rationale=(
            "The total is exactly 4 (items 1, 3, 4 and 9) with a psychosocial subscale of 1, so "
            "he is medium risk: physiotherapy for the physical obstacles, with exercise, graded "
            "return to full shifts and education about sciatica."
        ),
    ),
    DemoVignette(
        slug="mohammed-rahman",
        title="Mohammed Rahman: leg pain after lifting a parcel",
        patient_name="Mohammed Rahman",
        age=52,
        occupation="parcel delivery driver",
        presentation=(
            "Three weeks of low back pain with pain down the left leg to the calf; seen by the "
            "first-contact physiotherapist at his GP surgery."
        ),
        difficulty=Difficulty.INTERMEDIATE,
        focus=Focus.PHYSIOTHERAPIST,
        mode=Mode.CONSULTATION,
        story=(
            Narrative(
                (
                    "Mohammed has been signed off his delivery round for a week with a fit note "
                    "and is now on modified duties in the depot. The pain came on while lifting "
                    "a heavy parcel out of the van.",
                )
            ),
            PatientQuote(
                "It goes from my back, down the back of my left leg, right into the calf. My "
                "neck and shoulders are fine, no problem there.",
                "Mohammed",
            ),
            PatientQuote(
                "I can get to the end of the road and then the leg starts and I have to stop "
                "and lean on something. Getting dressed, my wife has been helping with my socks; "
                "it takes me ages.",
                "Mohammed",
            ),
            PatientQuote(
                "The doctor told me moving is good for it, so I keep walking as much as I can. "
                "I'm not worried, it's a bad back, lots of the lads at the depot have had it. It "
                "will get better, I just want it to hurry up.",
                "Mohammed",
            ),
            PatientQuote(
                "Still going to the mosque and seeing the grandchildren at the weekend, that "
                "keeps me going. But overall it's been bad these two weeks. Very much, I'd say.",
                "Mohammed",
            ),
            Narrative(
                (
                    "Pain and leg symptoms are on the left only. He has no saddle numbness, his "
                    "bladder and bowels are normal, and he has no weakness. No history of "
                    "cancer, no weight loss, no fever.",
                )
            ),
            Examination(
                (
                    "Antalgic gait, shifted away from the left.",
                    "Lumbar flexion limited to the knees, reproducing left leg pain.",
                    "Straight leg raise: left 45°, reproducing calf pain; right 80°.",
                    "Power 5/5 throughout both legs; knee and ankle reflexes present and equal.",
                    "Light-touch sensation normal in both legs and the saddle area.",
                )
            ),
        ),
        answers=_answers(
            (A, "Pain goes down the back of his left leg into the calf."),
            (D, "He says his neck and shoulders are fine."),
            (A, "He has to stop at the end of the road because of the leg pain."),
            (A, "His wife helps with his socks and dressing takes him ages."),
            (D, "He keeps walking because he has been told moving is good for it."),
            (D, "He says he is not worried."),
            (D, "He says it will get better."),
            (D, "He still goes to the mosque and enjoys seeing his grandchildren."),
            (VERY_MUCH, "Asked how bothersome it has been, he says very much."),
        ),
        risk=RiskGroup.MEDIUM,
        treatment=RiskGroup.MEDIUM,
        treatment_rationale=(
            "Items 1, 3, 4 and 9 score, a total of 4 with a subscale of 1, so he is medium risk: "
            "physiotherapy for the physical obstacles, with exercise, education about sciatica "
            "and a graded return to his round."
        ),
    ),
    DemoVignette(
        slug="kelly-marsh",
        title="Kelly Marsh: back pain after a weekend decorating",
        patient_name="Kelly Marsh",
        age=39,
        occupation="call-centre team leader",
        presentation=(
            "Ten days of low back pain, now with pain down both legs for two days; asked for an "
            "urgent GP appointment."
        ),
        difficulty=Difficulty.INTERMEDIATE,
        focus=Focus.BOTH,
        mode=Mode.RED_FLAG,
        story=(
            Narrative(
                (
                    "Kelly rang the surgery in the morning and was given an urgent appointment. "
                    "The back pain started after a long weekend decorating. Two days ago the "
                    "pain began shooting down the backs of both legs.",
                )
            ),
            PatientQuote(
                "It's in both legs now, right down to the ankles. And this sounds daft, but "
                "when I wipe myself after the toilet it feels numb, like it's not my skin.",
                "Kelly",
            ),
            PatientQuote(
                "Since yesterday I keep needing to go, but hardly anything comes and I don't "
                "feel like I've emptied. I'm scared something's really wrong. It's the worst "
                "pain I've ever had, I can barely walk to the car, and my partner had to help me "
                "get dressed.",
                "Kelly",
            ),
            PatientQuote(
                "My neck's fine. I've kept moving about like the leaflet said, I'm not one for "
                "giving up, and I'll be back at work once this is sorted. I'm not down, just "
                "frightened about the numbness.",
                "Kelly",
            ),
            Examination(
                (
                    "Walks slowly and stiffly; lumbar movement severely limited by pain.",
                    "Straight leg raise 40° on both sides, reproducing leg pain.",
                    "Reduced light-touch and pinprick sensation over the perineum and inner "
                    "buttocks.",
                    "Ankle reflexes reduced on both sides; power 5/5.",
                )
            ),
        ),
        answers=_answers(
            (A, "Pain shoots down the backs of both legs to the ankles."),
            (D, "She says her neck is fine."),
            (A, "She can barely walk to the car."),
            (A, "Her partner had to help her get dressed."),
            (D, "She has kept moving about as the leaflet advised."),
            (A, "She is scared something is really wrong."),
            (D, "She expects to be back at work once it is sorted."),
            (D, "She says she is not down."),
            (EXTREMELY, "She calls it the worst pain she has ever had."),
        ),
        risk=RiskGroup.MEDIUM,
        treatment=None,
        treatment_rationale=(
            "Saddle numbness, new urinary retention and bilateral sciatica point to cauda equina "
            "syndrome, so she is referred as an emergency the same day rather than stratified, "
            "whatever the questionnaire would score."
        ),
        red_flags=("cauda_equina",),
        red_flag_action=(
            "Emergency referral the same day to the on-call spinal service, through the "
            "emergency department if that is the local route, for assessment and MRI; do not "
            "wait for the questionnaire or for symptoms to settle."
        ),
    ),
    DemoVignette(
        slug="sandra-okafor",
        title="Sandra Okafor: back pain after moving hospital beds",
        patient_name="Sandra Okafor",
        age=51,
        occupation="hospital housekeeper",
        presentation=(
            "Six weeks of low back pain with pain into the left leg and a stiff neck; seen in "
            "the practice's musculoskeletal clinic."
        ),
        difficulty=Difficulty.ADVANCED,
        focus=Focus.BOTH,
        mode=Mode.QUESTIONNAIRE,
        story=(
            Narrative(
                (
                    "Sandra works full-time on the wards. The pain began while moving beds and "
                    "she has been on light duties for a month. She is finding the pain wearing "
                    "and has stopped going to her Saturday choir practice.",
                    NO_RED_FLAGS,
                    "She completed the questionnaire at the start of the clinic appointment.",
                )
            ),
            CompletedQuestionnaire(),
        ),
        answers=_answers(
            (A, "She ticked Agree: the pain spreads into her left leg."),
            (A, "She ticked Agree: she has had a stiff, painful neck."),
            (A, "She ticked Agree: she has been walking only short distances."),
            (A, "She ticked Agree: she has been slower dressing."),
            (D, "She ticked Disagree: she does not think activity is unsafe for her."),
            (A, "She ticked Agree: worrying thoughts have been on her mind a lot."),
            (D, "She ticked Disagree: she does not think the pain will never get better."),
            (A, "She ticked Agree: she has stopped enjoying choir and other things."),
            (VERY_MUCH, "She ticked Very much, which scores 1 on item 9."),
        ),
        risk=RiskGroup.MEDIUM,
        treatment=RiskGroup.MEDIUM,
        treatment_rationale=(
            "The total is 7 but the psychosocial subscale (items 5 to 9) is 3, below the 4 needed "
            "for high risk, so she is medium risk: physiotherapy for the physical obstacles, "
            "keeping an eye on her worry and low mood."
        ),
    ),
    DemoVignette(
        slug="tom-whitaker",
        title="Tom Whitaker: back pain that stopped the gym",
        patient_name="Tom Whitaker",
        age=34,
        occupation="software tester",
        presentation=(
            "Three weeks of central low back pain with no leg symptoms; referred by his GP to "
            "the physiotherapy service."
        ),
        difficulty=Difficulty.ADVANCED,
        focus=Focus.PHYSIOTHERAPIST,
        mode=Mode.QUESTIONNAIRE,
        story=(
            Narrative(
                (
                    "Tom works from home. He is walking and dressing normally, but has stopped "
                    "going to the gym and to five-a-side football since the pain started, and "
                    "has read a great deal about back problems online.",
                    NO_RED_FLAGS,
                    "He completed the questionnaire at his first physiotherapy appointment.",
                )
            ),
            CompletedQuestionnaire(),
        ),
        answers=_answers(
            (D, "He ticked Disagree: the pain stays in his back."),
            (D, "He ticked Disagree: no neck or shoulder pain."),
            (D, "He ticked Disagree: he is walking normally."),
            (D, "He ticked Disagree: he is dressing at his usual speed."),
            (A, "He ticked Agree: he believes activity is not safe for someone like him."),
            (A, "He ticked Agree: worrying thoughts are going through his mind a lot."),
            (A, "He ticked Agree: he feels the pain is terrible and will never get better."),
            (D, "He ticked Disagree: he is still enjoying most things."),
            (VERY_MUCH, "He ticked Very much, which scores 1 on item 9."),
        ),
        risk=RiskGroup.HIGH,
        treatment=RiskGroup.HIGH,
        treatment_rationale=(
            "The total is only 4, but all four points are psychosocial (items 5, 6, 7 and 9), so "
            "the subscale of 4 makes him high risk: psychologically informed physiotherapy that "
            "tackles his fear of activity and catastrophic beliefs alongside graded exercise."
        ),
    ),
    DemoVignette(
        slug="julie-barker",
        title="Julie Barker: back pain after helping a resident who slipped",
        patient_name="Julie Barker",
        age=45,
        occupation="care home assistant",
        presentation=(
            "Two months of low back pain with pain into the right thigh; off work for five "
            "weeks. Referred by her GP to the community MSK physiotherapy clinic."
        ),
        difficulty=Difficulty.ADVANCED,
        focus=Focus.PHYSIOTHERAPIST,
        mode=Mode.CONSULTATION,
        story=(
            Narrative(
                (
                    "Julie hurt her back helping a resident who slipped. She has been off work "
                    "since on a fit note. She arrives early and sits on the edge of the chair, "
                    "standing up carefully with her hands on her thighs.",
                )
            ),
            PatientQuote(
                "It's my lower back, and some days it shoots down the back of my right thigh, "
                "not below the knee. Neck and shoulders are fine.",
                "Julie",
            ),
            PatientQuote(
                "I only go as far as the corner shop now. My daughter has been helping me get "
                "dressed in the mornings, I can't bend to put my knickers and trousers on.",
                "Julie",
            ),
            PatientQuote(
                "I'm terrified of making it worse. My mum ended up in a wheelchair with her "
                "back. If I bend or lift I'm sure I'll slip a disc, so I don't, I'd rather sit "
                "still. I lie awake going over it, what if I can't go back to work, what then.",
                "Julie",
            ),
            PatientQuote(
                "I'm not daft, I know it's not forever; the last time it went after a couple of "
                "months. But I've given up line dancing and I don't see my friends any more. "
                "I can't enjoy anything. How much has it bothered me? Extremely. It's taken "
                "over everything.",
                "Julie",
            ),
            Narrative(
                (
                    "She has no saddle numbness, no bladder or bowel change, no fever, no weight "
                    "loss and no history of cancer.",
                )
            ),
            Examination(
                (
                    "Guarded movement; lumbar flexion to the knees with visible hesitation, "
                    "without leg pain.",
                    "Straight leg raise 70° on both sides, back pain only.",
                    "Power, reflexes and sensation in the legs normal.",
                    "Widespread tenderness across the lower back.",
                )
            ),
        ),
        answers=_answers(
            (A, "Pain sometimes shoots down the back of her right thigh."),
            (D, "She says her neck and shoulders are fine."),
            (A, "She only goes as far as the corner shop."),
            (A, "Her daughter helps her dress because she cannot bend."),
            (A, "She avoids bending and lifting because she is sure she will slip a disc."),
            (A, "She lies awake going over what will happen if she cannot return to work."),
            (
                D,
                "She says she knows it is not forever because the last episode settled, so "
                "she does not believe it will never get better.",
            ),
            (A, "She has given up line dancing and seeing friends and cannot enjoy anything."),
            (EXTREMELY, "She says it has bothered her extremely."),
        ),
        risk=RiskGroup.HIGH,
        treatment=RiskGroup.HIGH,
        treatment_rationale=(
            "Items 5, 6, 8 and 9 give a psychosocial subscale of 4 (total 7), so she is high "
            "risk: psychologically informed physiotherapy that addresses her fear of bending, "
            "worry about work and low mood alongside graded activity, with a return-to-work plan."
        ),
    ),
    DemoVignette(
        slug="lukasz-nowak",
        title="Łukasz Nowak: a scaffolder off the scaffolds",
        patient_name="Łukasz Nowak",
        age=43,
        occupation="scaffolder",
        presentation=(
            "Five weeks of low back pain into the left leg, with neck and shoulder ache; "
            "self-referred to a first-contact physiotherapist."
        ),
        difficulty=Difficulty.ADVANCED,
        focus=Focus.BOTH,
        mode=Mode.QUESTIONNAIRE,
        story=(
            Narrative(
                (
                    "Łukasz is self-employed and has been off the scaffolds for a fortnight. He "
                    "is worried about money and unsure whether he should be climbing at all. He "
                    "still plays with his children and goes fishing at weekends.",
                    NO_RED_FLAGS,
                    "He completed the questionnaire on the surgery's tablet before his "
                    "appointment.",
                )
            ),
            CompletedQuestionnaire(),
        ),
        answers=_answers(
            (A, "He ticked Agree: pain spreads into his left leg."),
            (A, "He ticked Agree: he has had neck and shoulder ache."),
            (A, "He ticked Agree: he has only walked short distances."),
            (D, "He ticked Disagree: he is dressing at his usual speed."),
            (A, "He ticked Agree: he thinks activity may not be safe for him."),
            (A, "He ticked Agree: worry about work and money is on his mind a lot."),
            (A, "He ticked Agree: he feels the pain is terrible and will not get better."),
            (D, "He ticked Disagree: he still enjoys time with his children and fishing."),
            (
                MODERATELY,
                "He ticked Moderately, which scores 0; counting it would give a subscale of 4 "
                "and wrongly make him high risk.",
            ),
        ),
        risk=RiskGroup.MEDIUM,
        treatment=RiskGroup.MEDIUM,
        treatment_rationale=(
            "The total is 6 and the psychosocial subscale 3 (items 5, 6 and 7), so he is medium "
            "risk: physiotherapy for the physical obstacles with a graded return to climbing, "
            "addressing his concern about safety as part of education."
        ),
    ),
    DemoVignette(
        slug="david-chen",
        title="David Chen: back pain in the busy season",
        patient_name="David Chen",
        age=58,
        occupation="accountant",
        presentation=(
            "Seven weeks of low back pain with pain into the right buttock and thigh; seen by "
            "his GP."
        ),
        difficulty=Difficulty.ADVANCED,
        focus=Focus.GP,
        mode=Mode.CONSULTATION,
        story=(
            Narrative(
                (
                    "David is in the middle of the end-of-year accounts season and working long "
                    "hours. He has come back because the pain has not settled as he had hoped.",
                )
            ),
            PatientQuote(
                "It catches in my back and goes into the right buttock and down the side of "
                "the thigh. Shoulders and neck, no, nothing there.",
                "David",
            ),
            PatientQuote(
                "I'd like to walk further, but after ten minutes the leg starts and I turn for "
                "home. Dressing is fine, I've no trouble with that.",
                "David",
            ),
            PatientQuote(
                "I know moving is the right thing, I've been told that and I believe it. It's "
                "more that it's always on my mind: my father had two operations on his back and "
                "I keep thinking, is this the start of that?",
                "David",
            ),
            PatientQuote(
                "I'm sure it'll improve, these things do. But I've had no pleasure in anything "
                "lately: I've stopped going to the golf club and I'm short with my wife. Overall "
                "it's bothered me very much.",
                "David",
            ),
            Narrative(
                (
                    "He has no saddle numbness, no bladder or bowel change, no fever, no weight "
                    "loss and no history of cancer. He has not felt suicidal.",
                )
            ),
            Examination(
                (
                    "Walks normally; lumbar extension reproduces right buttock pain.",
                    "Straight leg raise 75° on both sides; slump test negative.",
                    "Power, reflexes and sensation in the legs normal.",
                )
            ),
        ),
        answers=_answers(
            (A, "Pain goes into his right buttock and down the side of the thigh."),
            (D, "He says there is nothing in his neck or shoulders."),
            (A, "He turns for home after ten minutes because of the leg pain."),
            (D, "He says dressing is no trouble."),
            (D, "He believes that moving is the right thing."),
            (A, "The worry that he will need surgery like his father is always on his mind."),
            (D, "He is sure it will improve."),
            (A, "He has had no pleasure in anything and has stopped going to the golf club."),
            (VERY_MUCH, "He says it has bothered him very much."),
        ),
        risk=RiskGroup.MEDIUM,
        treatment=RiskGroup.MEDIUM,
        treatment_rationale=(
            "Items 6, 8 and 9 give a psychosocial subscale of 3 (total 5), one short of high, so "
            "he is medium risk: referral to physiotherapy for the physical obstacles, while "
            "acknowledging his worry and following up his low mood."
        ),
    ),
    DemoVignette(
        slug="margaret-hollis",
        title="Margaret Hollis: a new ache in the middle of the back",
        patient_name="Margaret Hollis",
        age=71,
        occupation="retired librarian",
        presentation=(
            "Six weeks of constant upper lumbar back pain, worse at night; seen by her GP."
        ),
        difficulty=Difficulty.ADVANCED,
        focus=Focus.GP,
        mode=Mode.RED_FLAG,
        story=(
            Narrative(
                (
                    "Margaret had breast cancer seven years ago, treated with surgery, "
                    "radiotherapy and five years of hormone tablets, and was discharged from "
                    "oncology follow-up last year. She has never had back trouble before.",
                )
            ),
            PatientQuote(
                "It's a deep ache in the middle of my back, just above the waist. It doesn't "
                "go anywhere else, not down my legs, and my neck and shoulders are fine.",
                "Margaret",
            ),
            PatientQuote(
                "It wakes me at night and lying still doesn't help; I end up sitting in the "
                "chair with a hot water bottle. I've lost about five kilos since the summer "
                "without trying.",
                "Margaret",
            ),
            PatientQuote(
                "I only manage short walks, and I'm slow getting dressed. I'm not afraid of "
                "moving, but I do keep wondering what it is. I've stopped going to my book "
                "group, I just haven't the energy. It's bothered me very much.",
                "Margaret",
            ),
            Narrative(
                (
                    "She has no leg weakness, numbness, or bladder or bowel change. She does not "
                    "think the pain will last for ever: she expects the doctors to find the "
                    "cause and treat it.",
                )
            ),
            Examination(
                (
                    "Looks thinner than at her last visit; weight 5 kg below her recorded "
                    "weight four months ago.",
                    "Tender to percussion over the L1 spinous process.",
                    "Power, reflexes and sensation in the legs normal; no sensory level; gait "
                    "normal.",
                )
            ),
        ),
        answers=_answers(
            (D, "The pain stays in her back and does not go down her legs."),
            (D, "She says her neck and shoulders are fine."),
            (A, "She only manages short walks."),
            (A, "She is slow getting dressed."),
            (D, "She says she is not afraid of moving."),
            (A, "She keeps wondering what is causing the pain."),
            (D, "She expects the cause to be found and treated."),
            (A, "She has stopped going to her book group."),
            (VERY_MUCH, "She says it has bothered her very much."),
        ),
        risk=RiskGroup.MEDIUM,
        treatment=None,
        treatment_rationale=(
            "A past history of cancer with new night pain, unexplained weight loss and bony "
            "tenderness points to spinal metastasis, so she is referred urgently rather than "
            "stratified."
        ),
        red_flags=("malignancy",),
        red_flag_action=(
            "Urgent referral: contact the acute oncology service (metastatic spinal cord "
            "compression coordinator) the same day to arrange MRI of the whole spine; make it an "
            "emergency referral at once if weakness, numbness, sphincter change or band-like "
            "pain develop."
        ),
    ),
    DemoVignette(
        slug="frank-doyle",
        title="Frank Doyle: back pain lifting a bag of compost",
        patient_name="Frank Doyle",
        age=76,
        occupation="retired postman",
        presentation=(
            "Ten days of sudden, severe low back pain that began while lifting a bag of "
            "compost; booked with the first-contact physiotherapist."
        ),
        difficulty=Difficulty.ADVANCED,
        focus=Focus.PHYSIOTHERAPIST,
        mode=Mode.RED_FLAG,
        story=(
            Narrative(
                (
                    "Frank has taken prednisolone for polymyalgia rheumatica for two years and "
                    "is currently on 7.5 mg a day. He felt a sudden, sharp pain across his back "
                    "as he lifted a bag of compost out of the car boot.",
                )
            ),
            PatientQuote(
                "It's right across the middle of my back, like a belt. Nothing in my legs, "
                "nothing in my neck or shoulders; the steroids keep those quiet.",
                "Frank",
            ),
            PatientQuote(
                "I can get round the garden and that's it. Getting my socks on takes an age. "
                "I daren't do much in case something else goes: if one bit of me can crack "
                "lifting a bag, what's next?",
                "Frank",
            ),
            PatientQuote(
                "I'm not a worrier, never have been. It'll mend, these things do. I still do "
                "the crossword and watch the football with my son. But it's bothered me very "
                "much.",
                "Frank",
            ),
            Examination(
                (
                    "Kyphotic posture; his daughter thinks he has lost height.",
                    "Exquisite point tenderness over the T12 spinous process.",
                    "Power, reflexes and sensation in the legs normal; bladder and bowels normal.",
                )
            ),
        ),
        answers=_answers(
            (D, "He has nothing in his legs."),
            (D, "He has nothing in his neck or shoulders."),
            (A, "He can only get round the garden."),
            (A, "Getting his socks on takes an age."),
            (A, "He daren't do much in case something else breaks."),
            (D, "He says he is not a worrier."),
            (D, "He says it will mend."),
            (D, "He still enjoys the crossword and watching football with his son."),
            (VERY_MUCH, "He says it has bothered him very much."),
        ),
        risk=RiskGroup.MEDIUM,
        treatment=None,
        treatment_rationale=(
            "Sudden pain after a minor strain at 76, on long-term steroids, with point tenderness "
            "over T12, points to an osteoporotic vertebral fracture, so he needs urgent imaging "
            "and referral rather than stratification."
        ),
        red_flags=("fracture",),
        red_flag_action=(
            "Urgent imaging and referral: do not stratify; arrange urgent spinal imaging and "
            "discuss with his GP the same day, with analgesia and a bone-health assessment; "
            "emergency referral if neurological symptoms appear."
        ),
    ),
    DemoVignette(
        slug="steve-barnes",
        title="Steve Barnes: back pain that wakes him at night",
        patient_name="Steve Barnes",
        age=59,
        occupation="taxi driver",
        presentation=(
            "Four weeks of low back pain into the right calf, waking him when he turns in bed; "
            "self-referred to a first-contact physiotherapist."
        ),
        difficulty=Difficulty.ADVANCED,
        focus=Focus.BOTH,
        mode=Mode.RED_FLAG,
        story=(
            Narrative(
                (
                    "Steve is still driving his cab, taking breaks every hour. He is worried "
                    "because his brother-in-law had a spinal tumour and his own pain wakes him "
                    "at night.",
                )
            ),
            PatientQuote(
                "It wakes me when I turn over, a sharp catch, then it settles once I'm on my "
                "side again and I go back off. Lying still it's fine. It goes down the back of "
                "my right leg to the calf, just the right.",
                "Steve",
            ),
            PatientQuote(
                "I can walk all right, I walk the dog twice a day. Socks are a struggle though, "
                "slower than normal. Neck's fine.",
                "Steve",
            ),
            PatientQuote(
                "I'm not scared of doing things, I'm still working. But my brother-in-law's "
                "tumour keeps going round my head. I'm sure it'll get better if it's nothing "
                "sinister. Still enjoy my snooker. I'd say it's bothered me moderately.",
                "Steve",
            ),
            Narrative(
                (
                    "He has no history of cancer himself, his weight is steady, he feels well "
                    "and has had no fever. Bladder, bowels and saddle sensation are normal and "
                    "the leg symptoms are on one side only. He takes no steroids and has had no "
                    "fall or injury.",
                )
            ),
            Examination(
                (
                    "Walks normally; lumbar flexion reproduces right leg pain.",
                    "Straight leg raise: right 60° reproducing calf pain; left 85°.",
                    "Power 5/5, reflexes equal, sensation normal in both legs and the saddle area.",
                    "Weight unchanged from his record a year ago.",
                )
            ),
        ),
        answers=_answers(
            (A, "Pain goes down the back of his right leg to the calf."),
            (D, "He says his neck is fine."),
            (D, "He walks the dog twice a day."),
            (A, "Putting socks on is slower than normal."),
            (D, "He is not scared of doing things and is still working."),
            (A, "His brother-in-law's tumour keeps going round his head."),
            (D, "He expects it to get better."),
            (D, "He still enjoys his snooker."),
            (
                MODERATELY,
                "He says moderately, which scores 0 on item 9.",
            ),
        ),
        risk=RiskGroup.LOW,
        treatment=RiskGroup.LOW,
        treatment_rationale=(
            "Pain on turning that settles with a change of position is mechanical, and with no "
            "other red flags he can be stratified; a total of 3 (items 1, 4 and 6) is low risk, "
            "so reassure him explicitly about the tumour worry and support self-management "
            "with safety-netting."
        ),
    ),
)


def vignette(slug: str) -> DemoVignette:
    """The demo vignette with this slug."""
    return next(v for v in VIGNETTES if v.slug == slug)
