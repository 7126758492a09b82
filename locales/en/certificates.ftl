## Final quizzes, certificates and the officer's first hour (issue 10).
## Counts use plurals; the bot escapes every message before adding Telegram formatting.

## Course overview: what the course takes and what its final quiz asks
course-length = { $lessons } lessons · about { $minutes } minutes of study
course-final-quiz = Final quiz: { $count -> 
    [one] { $count } question
   *[other] { $count } questions
 }, pass mark { $percent } %.
course-final-after-lessons = It opens once every lesson is completed.
course-final-retakes = { $count -> 
    [one] After a failed attempt,
   *[other] After { $count } failed attempts in a row,
 } wait { $hours -> 
    [one] { $hours } hour
   *[other] { $hours } hours
 } before trying again.
course-certificate-valid = The certificate is valid for { $months -> 
    [one] { $months } month
   *[other] { $months } months
 }.

## Final quiz: rules before the first question, refusals
quiz-rules-questions = { $count -> 
    [one] { $count } question
   *[other] { $count } questions
 }, drawn from a pool of { $pool }: a retake gets different ones.
quiz-rules-questions-all = { $count -> 
    [one] { $count } question.
   *[other] { $count } questions.
 }
quiz-rules-pass-mark = Pass mark: { $percent } %.
quiz-rules-time-limit = Time limit: { $minutes -> 
    [one] { $minutes } minute
   *[other] { $minutes } minutes
 }, counted from the first question.
quiz-rules-no-time-limit = No time limit.
quiz-rules-attempts-left = { $count -> 
    [one] { $count } attempt left before a waiting period.
   *[other] { $count } attempts left before a waiting period.
 }
quiz-rules-feedback-end = You see your results and the explanations at the end, not after each answer.
quiz-rules-feedback-each = You see whether each answer is right, with its explanation, as you go.
quiz-begin = ▶️ Begin the final quiz
quiz-lessons-first = { $count -> 
    [one] The final quiz opens once every lesson is completed: { $count } lesson to go.
   *[other] The final quiz opens once every lesson is completed: { $count } lessons to go.
 }

## Answering
quiz-option-letters = A B C D E F G H I J K L
quiz-your-answer = Your answer:
quiz-answer-recorded = Answer recorded: { $answer }
quiz-certificate-follows = Your certificate follows below.
quiz-certificate-held = You already hold this course's certificate: see /certificates.
quiz-your-answers = Your answers:
quiz-review-chosen = Your answer: { $answer }
quiz-review-unanswered = Not answered.
quiz-review-right = Correct answer: { $answer }

## The certificate (PDF)
certificate-issuer = { $organisation } · { $bot }
certificate-statement = This certifies that
certificate-holder-unnamed = the holder of this certificate
certificate-achievement = completed all { $lessons } lessons and passed the final assessment with { $percent } % (pass mark { $pass } %) in the course
certificate-achievement-assessment = passed the final assessment with { $percent } % (pass mark { $pass } %) in the course
certificate-course = { $course } · { $minutes } minutes of study
certificate-issued = Issued on { $date }
certificate-issued-valid-until = Issued on { $date } · valid until { $expires }
certificate-personnel-id = Personnel ID: { $id }

## /certificates
certificates-title = Your certificates
certificates-none = You have no certificate yet. Complete a course and pass its final quiz to earn one.
certificates-line = { $course }: { $code }, issued on { $date } ({ $status })
certificates-valid = valid
certificates-valid-until = valid until { $date }
certificates-expired = expired on { $date }
certificates-revoked = revoked
certificates-get = 📄 { $course }
command-certificates = Your certificates, sent again on request

## /verify
verify-invite-code = That is an invite code: send it as a plain message (without /verify) to get verified.
verify-expired-on = ⌛ Certificate { $code } (“{ $course }”, issued on { $date }) expired on { $expired }.
verify-valid-until = Valid until { $date }.

## Getting verified
verify-typed-phone = Please press the “Share my phone number” button below: a typed number can't prove it is yours.
verify-already = You are already verified. Use the menu below.
verify-withdrawn = Your access was withdrawn: you are no longer on the approved-personnel list. Please contact { $contact }. If you have been put back on the list, verify again with the button below.
access-contact-default = your course manager

## /help for managers and administrators
help-managing =
    Managing courses:
    /stats: figures per course
    /export: progress of every learner (CSV)
    /invite ID: an invite code for a list entry
    /unbind ID: free a list entry linked to an account
    /conflicts: entries claimed by a second account
    /revoke_certificate CODE: revoke a certificate
    /console: a sign-in link to the web console
    /assign: give a cohort a course with a due date
    /assignments: the courses assigned to cohorts
    /announce: write an announcement to officers
    /announcements: recent announcements and their delivery
    Send a .csv file to replace the approved-personnel list.
help-administering =
    Administering:
    /grant_manager USER_ID: make an account a course manager
    /revoke_manager USER_ID: withdraw the course-manager role

## /stats
stats-started = { $count -> 
    [one] { $count } officer started
   *[other] { $count } officers started
 }
stats-completed = { $count } completed every lesson
stats-attempted = { $count -> 
    [one] { $count } took the final quiz
   *[other] { $count } took the final quiz
 }
stats-passed = { $count } passed
stats-pass-rate = pass rate: { $rate }
stats-average-best = Average of each officer's best final score: { $average }
