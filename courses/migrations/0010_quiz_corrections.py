"""Quiz corrections from the clinical review of 4 December 2026 reach quizzes loaded before it.

Quizzes carry no review date, so `load_content --refresh-reviewed` leaves them alone. Each
question and option below is rewritten only where it still reads exactly as the earlier content
file had it: a question an editor has changed since keeps the editor's words. Past attempts keep
the copy of what was asked that they were answered against.
"""

from django.db import migrations

# (old text, old explanation, new text, new explanation)
QUESTIONS = [("In one local service's model (BackPAC, Sussex), which options were offered after the "
  'education class? Choose all that apply.',
  'BackPAC offered self-management with a 6-week SOS period, a back rehab class, one-to-one '
  'physiotherapy, and for high-risk patients an advanced practitioner or pain management. '
  "Imaging and rest were not options. This is one service's model, not Keele's matched "
  'treatment, in which pain management is for high-risk patients who do not respond to '
  'psychologically informed physiotherapy.',
  "In one local service's model (BackPAC, Sussex), which options were offered after the "
  'education class? Choose all that apply.',
  'BackPAC offered self-management with a 6-week SOS period, a back rehab class, one-to-one '
  'physiotherapy, and for high-risk patients an advanced practitioner or pain management. '
  "Imaging and rest were not options. This is one service's model, not Keele's matched "
  'treatment; pain management comes from NICE NG59 and local pathways for high-risk patients '
  'who do not respond to psychologically informed physiotherapy.'),
 ('Marcus, 46, a bus driver, scores high risk (total 5, subscale 4). He is worried about '
  'losing his job and believes activity will damage his back. In three or four sentences, '
  'write what you would say to explain the result and the options.',
  'A good answer explains that the result is about recovery, not damage; names his worry and '
  'fear of activity as common and as things that can be worked on; offers psychologically '
  'informed physiotherapy (with an advanced practitioner where available, and pain management '
  'only if he does not respond); encourages staying active and at work with adjustments (a fit '
  'note that says he may be fit for work with amended duties, if he needs one); and checks '
  'what he thinks and agrees a plan with a safety-net.',
  'Dev, 46, a bus driver, scores high risk (total 5, subscale 4). He is worried about losing '
  'his job and believes activity will damage his back. In three or four sentences, write what '
  'you would say to explain the result and the options.',
  'A good answer explains that the result is about recovery, not damage; names his worry and '
  'fear of activity as common and as things that can be worked on; offers psychologically '
  "informed physiotherapy, the UK trial's matched treatment (with NICE NG59's combined "
  'programme or local pain management only if he does not respond); encourages staying active '
  'and at work with adjustments (a fit note that says he may be fit for work with amended '
  'duties, if he needs one); and checks what he thinks and agrees a plan with a safety-net.'),
 ('What is the matched treatment for a high-risk patient?',
  'Psychologically informed physiotherapy, which targets fear, worry, catastrophising and low '
  'mood as well as the physical obstacles; where available, an advanced practitioner. A pain '
  'management service is for those who do not respond, not a routine first option.',
  'What is the matched treatment for a high-risk patient?',
  'Psychologically informed physiotherapy, which targets fear, worry, catastrophising and low '
  "mood as well as the physical obstacles: the UK trial's matched treatment. For those who do "
  'not respond, NICE NG59 and local pathways offer more (not a routine first option).'),
 ('A high-risk patient has had psychologically informed physiotherapy and has not responded. '
  "Which next step fits Keele's matched treatment?",
  'A pain management service is for high-risk patients who do not respond to psychologically '
  'informed physiotherapy, where one is available locally; it is not a routine first option.',
  'A high-risk patient has had psychologically informed physiotherapy and has not responded. '
  'Which next step fits NICE NG59 and local pathways?',
  "Keele's matched treatment ends with psychologically informed physiotherapy. For persistent "
  'pain with psychosocial obstacles, or after treatment has not helped, NICE NG59 recommends a '
  'combined physical and psychological programme, which local pathways may provide through a '
  'pain management service; it is not a routine first option.'),
 ('A GP proposes sending every new high-risk patient straight to the pain management service. '
  'What is the best response?',
  'High risk at first contact means psychologically informed physiotherapy. Pain management is '
  'for those who do not respond, not a routine first option. Some local models, such as '
  "BackPAC in Sussex, offer it as a choice; that is one service's model, not Keele's matched "
  'treatment.',
  'A GP proposes sending every new high-risk patient straight to the pain management service. '
  'What is the best response?',
  'High risk at first contact means psychologically informed physiotherapy. Pain management '
  'comes from NICE NG59 and local pathways for those who do not respond, not as a routine '
  'first option. Some local models, such as BackPAC in Sussex, offer it as an option; that is '
  "one service's model, not Keele's matched treatment."),
 ('Which of these patients needs emergency assessment the same day?',
  'Back pain with fever in someone who injects drugs raises suspicion of spinal infection: an '
  'emergency. Known cancer with pain only is urgent (MRI within a week through the MSCC '
  'route); a suspected fragility fracture without neurological signs is urgent; night pain '
  'that eases on turning over is not a red flag on its own.',
  'Which of these patients needs hospital assessment the same day?',
  'Back pain with fever in someone who injects drugs raises suspicion of spinal infection: an '
  'emergency, assessed in hospital the same day (with signs of sepsis or neurological signs, '
  'sooner still: by ambulance, or immediately). Known cancer with pain only is urgent (MRI '
  'within a week through the MSCC route); a suspected fragility fracture without neurological '
  'signs is urgent; night pain that eases on turning over is not a red flag on its own.'),
 ('A man with known lung cancer has three weeks of new thoracic back pain. He has no weakness, '
  'numbness or sphincter change. What is the right action?',
  'Urgent whole-spine MRI within a week through the MSCC route (acute oncology service or MSCC '
  'coordinator), not the 2-week suspected-cancer pathway, with advice to seek help the same '
  'day if neurological symptoms appear. With neurological symptoms or signs it would be an '
  'emergency, with MRI within 24 hours.',
  'A man with known lung cancer has three weeks of new thoracic back pain. He has no weakness, '
  'numbness or sphincter change. What is the right action?',
  'Urgent whole-spine MRI within a week through the MSCC route (acute oncology service or MSCC '
  'coordinator), not an urgent suspected cancer referral, with advice to seek help at once if '
  'neurological symptoms appear. With neurological symptoms or signs it would be immediate, '
  'with MRI within 24 hours, as it would be with no known cancer.'),
 ('Why does the difference between CES-I and CES-R matter?',
  'Incomplete cauda equina syndrome (CES-I), with altered bladder sensation but voluntary '
  'control kept, is the stage to catch. Once retention (CES-R) has developed, outcomes are '
  'generally much worse. Early, subtle symptoms need same-day action.',
  'Why does the difference between CES-I and CES-R matter?',
  'Incomplete cauda equina syndrome (CES-I), with altered bladder sensation but voluntary '
  'control kept, is the stage to catch. Once retention (CES-R) has developed, outcomes are '
  'generally much worse. Early, subtle symptoms need immediate action: the emergency '
  'department or the on-call spinal team now.'),
 ('A 67-year-old with no history of cancer has a new episode of constant, progressive back '
  'pain, worse at night, and has lost weight without trying. No neurological symptoms. What is '
  'the right action?',
  'Suspected malignancy without known cancer: urgent investigation (for example a myeloma '
  'screen) and referral on the suspected-cancer pathway. The patient is not stratified.',
  'A 67-year-old with no history of cancer has a new episode of constant, progressive back '
  'pain, worse at night, and has lost weight without trying. No neurological symptoms. What is '
  'the right action?',
  'Suspected malignancy without known cancer and no neurology: urgent investigations (for '
  'example a myeloma screen) and an urgent suspected cancer referral (NICE NG12). The patient '
  'is not stratified. Neurological symptoms or signs of cord compression would make it '
  'immediate, cancer known or not.'),
 ('Spinal infection can be ruled out when the patient has no fever.',
  'False. Fever is often absent in spinal infection. Risk factors such as intravenous drug '
  'use, immunosuppression, a recent spinal procedure, a recent bacteraemia or urinary '
  'infection, and diabetes matter too; suspected infection needs same-day hospital assessment.',
  'Spinal infection can be ruled out when the patient has no fever.',
  'False. Fever is often absent in spinal infection. Risk factors such as intravenous drug '
  'use, immunosuppression, a recent spinal procedure, a recent bacteraemia or urinary '
  'infection, and diabetes matter too; suspected infection needs hospital assessment the same '
  'day, and full observations with a sepsis assessment (NICE NG51).'),
 ('A 75-year-old with osteoporosis has sudden back pain after a minor stumble, with point '
  'tenderness and no neurological signs. What is the right action?',
  'A suspected fragility fracture after minor trauma: urgent imaging, pain relief and a '
  'bone-health work-up, excluding a pathological fracture. Major trauma would be an emergency; '
  'here the mechanism makes it urgent.',
  'A 75-year-old with osteoporosis has sudden back pain after a minor stumble, with point '
  'tenderness and no neurological signs. She is walking and managing at home. What is the '
  'right action?',
  'A suspected fragility fracture after minor trauma: urgent imaging, pain relief and a '
  'bone-health work-up, excluding a pathological fracture. Major trauma would be immediate, '
  'and a patient who cannot walk or cope at home would be assessed in hospital the same day; '
  'she is walking and coping at home, so it is urgent.'),
 ('Safety-netting is needed for every patient, whether or not they were stratified.',
  'True. Every patient, in every risk group and whether or not they were stratified, needs to '
  'know the cauda equina symptoms in full, and to come back promptly with fever or feeling '
  'unwell, weight loss, constant or worsening night pain, or progressive weakness.',
  'Safety-netting is needed for every patient, whether or not they were stratified.',
  'True. Every patient, in every risk group and whether or not they were stratified, needs to '
  'know: go to A&E now, or call 999, with any cauda equina symptom (in full) or new or quickly '
  'worsening weakness in a leg; get help the same day (the GP surgery or NHS 111) with a '
  'fever, shivers or feeling very unwell; and come back soon with weight loss, pain that is '
  'constant or worse at night and not eased by moving, slowly spreading numbness, or not '
  'improving as expected.'),
 ("A patient answers 'Moderately' to item 9 (how bothersome). What does item 9 score?",
  "0. Item 9 scores 1 only for 'Very much' or 'Extremely'. Counting 'Moderately' is the "
  'commonest scoring mistake.',
  "A patient answers 'Moderately' to item 9 (how bothersome). What does item 9 score?",
  "0. Item 9 scores 1 only for 'Very much' or 'Extremely'. Counting 'Moderately' as 1 is a "
  'classic scoring mistake.'),
 ('In the STarT Back trial, stratified care cost more per patient than current best care.',
  'False. Stratified care cost £240.01 per patient against £274.40, and outcomes were at least '
  'as good: disability was modestly better (1.81 RMDQ points at 4 months) and it gained 0.039 '
  'QALYs.',
  'In the STarT Back trial, stratified care cost more per patient than current best care.',
  'False. Stratified care cost £240.01 per patient against £274.40, and outcomes were at least '
  'as good: disability was modestly better (1.06 RMDQ points at 12 months, the primary '
  'outcome) and it gained 0.039 QALYs.'),
 ('In the STarT Back trial, by how much more did disability (RMDQ) improve with stratified '
  'care at 4 months?',
  '1.81 points at 4 months, and 1.06 points at 12 months, on the 0 to 24 RMDQ scale: modest '
  "average differences. The 2.3-point figure is IMPaCT Back's result for high-risk patients.",
  'In the STarT Back trial, by how much more did disability (RMDQ) improve with stratified '
  "care at 12 months, the trial's primary outcome?",
  '1.06 points at 12 months (and 1.81 points at 4 months, a secondary outcome), on the 0 to 24 '
  "RMDQ scale: modest average differences. The 2.3-point figure is IMPaCT Back's result for "
  'high-risk patients.'),
 ('What did randomised trials of stratified care in Denmark, US primary care (MATCH) and the '
  'US Military Health System find?',
  'None showed stratified care to be superior to usual care on disability. In the UK trial it '
  'did at least as well at lower cost; elsewhere results have differed.',
  'What did randomised trials of stratified care in Denmark, US primary care (MATCH) and the '
  'US Military Health System find?',
  'None showed stratified care to be superior to usual care on disability; nor did TARGET, the '
  'largest trial of psychologically informed physiotherapy for high-risk patients. In the UK '
  'trial it did at least as well at lower cost; elsewhere results have differed.')]
# (the question's old text, the option's old text, its new text)
OPTIONS = [('A high-risk patient has had psychologically informed physiotherapy and has not responded. '
  "Which next step fits Keele's matched treatment?",
  'Referral to a pain management service, where one is available locally',
  'A combined physical and psychological programme, such as a local pain management service'),
 ('Which of these patients needs emergency assessment the same day?',
  'Age 78, sudden pain after a minor fall, point tenderness, no neurological signs',
  'Age 78, sudden pain after a minor fall, point tenderness, no neurological signs, walking '
  'and managing at home'),
 ('A man with known lung cancer has three weeks of new thoracic back pain. He has no weakness, '
  'numbness or sphincter change. What is the right action?',
  'Referral on the 2-week suspected-cancer pathway',
  'An urgent suspected cancer referral'),
 ('A 67-year-old with no history of cancer has a new episode of constant, progressive back '
  'pain, worse at night, and has lost weight without trying. No neurological symptoms. What is '
  'the right action?',
  'Urgent investigation, such as a myeloma screen, and referral on the suspected-cancer '
  'pathway',
  'Urgent investigations, such as a myeloma screen, and an urgent suspected cancer referral'),
 ('In the STarT Back trial, by how much more did disability (RMDQ) improve with stratified '
  'care at 4 months?',
  '1.81 points',
  '1.06 points')]


def quizzes_corrected(apps, schema_editor):
    Question = apps.get_model("courses", "Question")
    AnswerOption = apps.get_model("courses", "AnswerOption")
    for old_text, old_explanation, new_text, new_explanation in QUESTIONS:
        for question in Question.objects.filter(text=old_text):
            if question.explanation.strip() == old_explanation:
                question.explanation = new_explanation
            question.text = new_text
            question.save(update_fields=["text", "explanation"])
    for question_text, old_option, new_option in OPTIONS:
        AnswerOption.objects.filter(
            text=old_option, question__text__in=[question_text, _new_text(question_text)]
        ).update(text=new_option)


def _new_text(old_text: str) -> str:
    return next((new for old, _, new, _ in QUESTIONS if old == old_text), old_text)


class Migration(migrations.Migration):
    dependencies = [("courses", "0009_assessment_four_urgency_tiers")]

    operations = [migrations.RunPython(quizzes_corrected, migrations.RunPython.noop)]
