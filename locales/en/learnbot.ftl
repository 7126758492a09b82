## learnbot interface strings: English (the reference locale).
## Every message here must exist in ar, es and fr with the same variables.
## Messages are plain text: the bot escapes them before adding Telegram formatting.

-bot-name = learnbot

## Language names, each written in its own language (shown on the language picker).
language-name-ar = العربية
language-name-en = English
language-name-es = Español
language-name-fr = Français

## /start and the main menu
welcome =
    Welcome, { $name }!
    I am { -bot-name }, your training assistant on INTERPOL's policing capabilities.
    Study in short sessions: read bite-sized cards, then pick up exactly where you stopped.
menu-title = What would you like to do?
menu-courses = 📚 Courses
menu-continue = ▶️ Continue
menu-language = 🌐 Language
menu-help = ❓ Help

## /help
help =
    Here is what you can do:
    /start — welcome and main menu
    /courses — browse the courses
    /continue — go on with the next lesson
    /review — answer the questions that are due for review
    /certificates — your certificates, sent again on request
    /reminders — your study reminders: on or off, time, time zone, quiet hours
    /verify CODE — check a certificate's code
    /language — change the language
    /mydata — see what is stored about you
    /deleteme — delete your account and progress
    /help — show this help
    Inside a lesson, use the Next and Back buttons under each card.

## Command descriptions shown in Telegram's command menu (at most 256 characters each)
command-start = Welcome and main menu
command-courses = Browse the courses
command-continue = Resume where you stopped
command-language = Change the language
command-help = What I can do

## /language
language-prompt = Choose your language:
language-changed = Language set to English.

## Catalogue and courses
catalogue-title = Courses
catalogue-empty = No course is available yet.
course-progress = { $done } of { $total } lessons completed
course-lesson-done = ✅ { $title }
course-lesson-todo = ▫️ { $title }
course-start = ▶️ Start
course-resume = ▶️ Resume
course-restart = 🔁 Start again
back-to-catalogue = ◀️ All courses

## Lesson cards
card-position = Lesson { $lesson } of { $lessons } · card { $card } of { $cards }
card-next = Next ▶️
card-back = ◀️ Back
card-next-lesson = Next lesson ▶️
card-finish = Finish ✅
card-menu = ☰ Menu
course-finished =
    You have completed every lesson of “{ $course }”. Well done!
continue-nothing = You have not started a course yet. Pick one to begin:

## Answers to what the bot does not understand
unknown-command = I do not know the command { $command }. Send /help to see what I can do.
unknown-text = I did not understand that. Use the menu below, or send /help.
unsupported-media = I can only read text messages and buttons. Use the menu below, or send /help.
edited-message = I saw that you edited a message; I only read new messages. Send it again if you need to.
stale-button = This button is out of date. Here is the menu.
error-generic = Something went wrong on my side. Please try again in a moment.

## Verification (access to course material)
verify-needed =
    Course material is for approved law-enforcement personnel only.
    Verify once in one of two ways:
    1. Press “Share my phone number” below, if your number is on the approved-personnel list.
    2. Or send the invite code your course manager gave you (for example IN-ABCD-EFGH-JKMN-PQRS).
verify-lapsed = Your verification has lapsed. Please verify again to continue.
verify-expired = Your access has expired according to the approved-personnel list. Please contact your course manager.
verify-share-phone = 📱 Share my phone number
verify-success = ✅ Thank you, you are verified. All courses are open to you.
verify-foreign-contact = Only your own phone number counts: please use the “Share my phone number” button instead of sending a contact.
verify-not-on-list = This phone number is not on the approved-personnel list. Ask your course manager for an invite code.
verify-invalid-code = This invite code is not valid: it may be mistyped, already used or expired.
verify-conflict = This entry of the approved-personnel list is already linked to another Telegram account. Your course manager has been told and can resolve it.
verify-cooling-down = Too many unsuccessful attempts. Please try again after { $time } (UTC).

## Roles and manager commands
role-required = This command is reserved for course managers.
admin-required = This command is reserved for administrators.
command-invite = Create an invite code for a list entry
command-unbind = Free a list entry linked to an account
command-conflicts = List entries claimed by a second account
command-grant-manager = Make an account a course manager
command-revoke-manager = Withdraw the course-manager role
command-mydata = See what is stored about you
command-deleteme = Delete your account and progress
invite-usage = Send /invite followed by the personnel id, for example: /invite FR-0001
invite-created =
    Invite code for { $personnel }: { $code }
    Valid until { $expires } (UTC), for one use. Give it to the officer in person or through a secure channel.
personnel-unknown = No entry { $personnel } on the approved-personnel list.
unbind-usage = Send /unbind followed by the personnel id, for example: /unbind FR-0001
unbind-done = The entry { $personnel } is no longer linked to an account; the officer can verify again.
unbind-nothing = The entry { $personnel } is not linked to any account.
conflicts-none = No binding conflicts.
conflicts-list = Entries claimed by a second account (use /unbind to free one):
role-usage = Send the command followed by a Telegram user id, for example: /grant_manager 123456789
role-granted = Account { $account } is now a course manager.
role-revoked = Account { $account } is no longer a course manager.
role-unknown-account = No account { $account } has used the bot yet.

## Importing the approved-personnel list as a file
import-rejected = The list was rejected; nothing was changed. { $count } problem(s):
import-more-problems = … and { $count } more.
import-preview = This list would replace the current one: { $added } added, { $updated } updated, { $removed } removed, { $unchanged } unchanged.
import-confirm = ✅ Confirm
import-cancel = ✖️ Cancel
import-done = The approved-personnel list has been replaced: { $added } added, { $updated } updated, { $removed } removed, { $unchanged } unchanged.
import-cancelled = Import cancelled; nothing was changed.
import-not-csv = Send the approved-personnel list as a .csv file.
import-too-large = This file is too large for a personnel list (at most { $limit } MB).

## Personal data
mydata-caption = Everything learnbot stores about you.
deleteme-confirm = This erases your account, your progress and your answers. Only audit entries with unreadable (hashed) identifiers remain. Continue?
deleteme-yes = 🗑 Yes, delete everything
deleteme-no = Keep my account
deleteme-done = Your account and progress have been erased. Send /start if you ever want to begin again.
deleteme-kept = Nothing was deleted.

## Quizzes
menu-review = 🔁 Review ({ $count } due)
command-review = Review questions that are due
command-verify = Check a certificate code
command-stats = Course statistics
command-export = Progress of every learner (CSV)
command-revoke-certificate = Revoke a certificate
lesson-check = ✅ Check your understanding
final-quiz = 📝 Final quiz
quiz-title-lesson = Lesson check
quiz-title-final = Final quiz: { $course }
quiz-title-review = Review
quiz-progress = Question { $number } of { $total }
quiz-choose-several = Select every correct answer, then press Submit.
quiz-submit = Submit ✅
quiz-true = True
quiz-false = False
quiz-correct = ✅ Correct.
quiz-wrong = ❌ Not quite.
quiz-answer-was = The correct answer:
quiz-explanation = Why: { $text }
quiz-next = Next question ▶️
quiz-lesson-result = You answered { $correct } of { $total } questions correctly.
quiz-final-score = Score: { $correct } of { $total } ({ $percent } %). Pass mark: { $pass } %.
quiz-passed = 🎉 Passed.
quiz-failed = Not passed this time.
quiz-time-up = ⏱ Time is up: unanswered questions count as wrong.
quiz-to-review = To review:
quiz-review-later = Missed questions come back in /review.
quiz-review-done = Review done: { $correct } of { $total } correct. The next reviews are scheduled according to how well you knew each answer.
quiz-retake-after = You can take the final quiz again after { $time } (UTC).
quiz-no-attempts = You have used every attempt allowed for this final quiz. Please contact your course manager.
quiz-nothing-due = Nothing to review right now. Questions you answer in quizzes come back here when they are due.
quiz-time-limit = Time limit: { $minutes } minutes.
quiz-stale = This question is no longer open.
quiz-poll-hint = Answer in the poll above; the next question follows.
back-to-course = ◀️ Back to the course

## Certificates
certificate-button = 📄 Certificate
certificate-caption = Certificate { $code }: { $course }
certificate-title = Certificate of completion
certificate-code = Verification code: { $code }
certificate-verify-hint = Anyone can check this certificate: scan the code, or send this to { $bot }:
certificate-name-shown = Your name is shown to people who verify this certificate.
certificate-name-hidden = Your name is not shown to people who verify this certificate.
certificate-show-name = 👁 Show my name to verifiers
certificate-hide-name = 🙈 Hide my name
verify-usage = Send /verify followed by the certificate code, for example: /verify LB-ABCDE-12345
verify-valid = ✅ Valid certificate { $code }: “{ $course }”, issued on { $date }.
verify-valid-holder = Holder: { $name }
verify-revoked = ⚠️ Certificate { $code } (“{ $course }”, issued on { $date }) has been revoked.
verify-unknown = No certificate has the code { $code }.
revoke-certificate-usage = Send /revoke_certificate followed by the code.
revoke-certificate-done = Certificate { $code } is revoked.
revoke-certificate-unknown = No valid certificate has the code { $code }.

## Statistics for managers
stats-none = –
stats-percent = { $value } %
stats-hardest = Hardest questions (below 100 % correct):
stats-hard-question = { $percent } % correct ({ $answered -> 
    [one] { $answered } answer
   *[other] { $answered } answers
 }): { $text }
export-caption = Progress of every learner, one row per course started.
