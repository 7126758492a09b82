# The managers' web console, opened with /console from the chat.
command-console = Open the managers' web console
console-link =
    Your link to the managers' console. It works once, for { $minutes } minutes, and only for your account: do not forward it.
console-unavailable = The web console is not enabled on this bot: the administrator must set a web port (web_port) and the console's address (console_base_url).

## Layout and navigation
console-name = learnbot console
console-skip = Skip to the content
console-nav = Console sections
console-nav-overview = Overview
console-nav-officers = Officers
console-nav-personnel = Personnel list
console-nav-certificates = Certificates
console-nav-announcements = Announcements
console-nav-content = Content
console-nav-audit = Audit log
console-nav-roles = Roles
console-language = Language
console-language-apply = Change
console-sign-out = Sign out
console-pages = Pages
console-page-previous = ← Previous
console-page-next = Next →
console-page-of = Page { $number } of { $pages }
console-none = –
console-yes = Yes
console-percent = { $value } %
console-search = Search
console-filter-country = Country
console-filter-all = All
console-filter-cohort = Cohort
console-refresh = Refresh
console-filter-apply = Apply
console-nothing-found = Nothing found.
console-export-csv = Export as CSV
console-cancel = Cancel

## Signing in and out
console-sign-in-title = Sign in to the console
console-sign-in-explained = This link was sent to you by learnbot in Telegram. It signs you in on this browser once; the session ends when you sign out or after some hours without activity.
console-sign-in = Sign in
console-link-title = This link cannot be used
console-link-used = This sign-in link has already been used. Each link works only once.
console-link-expired = This sign-in link has expired.
console-link-unknown = This sign-in link is not valid. Check that you copied all of it.
console-link-not-manager = This link belongs to an account that is no longer a course manager.
console-how-to-sign-in = To open the console, send /console to the learnbot bot in Telegram and open the link it sends you.
console-signed-out-title = You are not signed in
console-why-missing = You need to sign in to see this page.
console-why-signed-out = You have signed out.
console-why-idle = Your session ended after { $hours } hours without activity.
console-why-role = Your console access has ended: your account is no longer a course manager.

## Errors
console-error-title = Something is not right
console-error-csrf = This form had expired or did not come from the console, so nothing was changed. Go back, reload the page and try again.
console-error-forbidden = This page is reserved for administrators.
console-error-not-found = There is nothing at this address.
console-error-too-large = The file is too large (at most { $limit } MB).
console-error-internal = Something went wrong on our side; nothing was changed. Please try again in a minute.
console-back-to-overview = Back to the overview

## Overview
console-overview-title = Overview
console-figure-verified = verified officers
console-figure-active = active in the last 7 days
console-figure-lessons-week = lessons completed this week
console-courses-title = Courses
console-column-course = Course
console-column-started = Started
console-column-completed = Completed
console-column-quiz-takers = Took the final quiz
console-column-pass-rate = Pass rate
console-column-certificates = Valid certificates
console-chart-title = Lessons completed per week (last { $weeks } weeks)
console-chart-description = A bar for each week, from the oldest on the left to this week on the right; the figures are also in the table below.
console-chart-table = The chart's figures as a table
console-column-week = Week starting
console-column-lessons = Lessons completed

## Officers
console-officers-title = Officers
console-search-officers = Name or personnel ID
console-officers-count = { $count ->
    [one] { $count } entry on the list
   *[other] { $count } entries on the list
}
console-column-name = Name
console-column-personnel-id = Personnel ID
console-column-country = Country
console-column-cohorts = Cohorts
console-column-language = Language
console-column-last-active = Last active
console-column-progress = Course progress
console-not-verified = Not verified yet
console-course-progress = { $course }: { $done }/{ $total } lessons
console-back-to-officers = ← All officers
console-column-list-role = Role on the list
console-role-manager = Course manager
console-role-officer = Officer
console-column-expires = Entry valid until
console-column-verified = Verified on
console-column-reachable = Reachable in Telegram
console-unreachable-since = No: blocked the bot on { $since }
console-actions = Actions
console-unbind = Unbind the account
console-unbind-hint = Frees this entry so that the officer can verify again, for example on a new phone.
console-invite = Create an invite code
console-invite-hint = A single-use code for an officer who cannot verify with their phone number.
console-invite-created = Invite code, valid until { $expires }, for one use. Give it to the officer in person or through a secure channel; it is shown only now.
console-role-grant = Make this account a course manager
console-role-withdraw = Withdraw the granted manager role
console-role-hint = Administrators only. A role given by the list changes only with a new list.
console-role-granted = The account is now a course manager.
console-role-revoked = The granted manager role was withdrawn.
console-progress-title = Progress per course
console-no-progress = No lesson started yet.
console-attempts-title = Quiz attempts
console-column-started-at = Started
console-column-quiz = Quiz
console-column-score = Score
console-column-result = Result
console-quiz-final = Final quiz: { $course }
console-quiz-lesson = Lesson check: { $course }
console-quiz-review = Review
console-unfinished = Not finished
console-finished = Finished
console-passed = Passed
console-failed = Not passed
console-no-attempts = No quiz attempts yet.
console-no-certificates = No certificates.

## Personnel list
console-personnel-title = Approved-personnel list
console-personnel-count = { $count ->
    [one] The list has { $count } entry.
   *[other] The list has { $count } entries.
}
console-personnel-download = Download the current list (CSV)
console-personnel-download-hint = Phone numbers and emails are not in the download: learnbot keeps only unreadable (hashed) forms of them.
console-personnel-upload-title = Replace the list
console-personnel-upload-hint = Upload the complete list as a CSV file, as you would send it to the bot. You will see what changes before anything is replaced.
console-personnel-file = CSV file (at most { $limit } MB)
console-personnel-check = Check the file
console-personnel-preview-title = Check the changes
console-preview-added = Added
console-preview-updated = Updated
console-preview-removed = Removed
console-import-stale = This upload was already confirmed or cancelled.

## Certificates
console-certificates-title = Certificates
console-search-certificates = Code or name
console-certificates-count = { $count ->
    [one] { $count } certificate
   *[other] { $count } certificates
}
console-column-code = Code
console-column-holder = Holder
console-column-issued = Issued
console-column-status = Status
console-valid = Valid
console-revoked = Revoked
console-revoked-on = Revoked on { $date }
console-revoke = Revoke…
console-revoke-title = Revoke certificate { $code }
console-revoke-reason = Reason (kept with the certificate and in the audit log)
console-revoke-confirm = Revoke the certificate
console-revoke-reason-needed = Give a reason to revoke a certificate.

## Content
console-content-title = Content
console-content-hint = Every course, in every language, card by card as officers see them in Telegram, with the quizzes and their answers.
console-content-size = { $lessons ->
    [one] { $lessons } lesson
   *[other] { $lessons } lessons
}, { $questions ->
    [one] { $questions } quiz question
   *[other] { $questions } quiz questions
}
console-content-language = Show in
console-back-to-content = ← All courses
console-lesson-check = Lesson check
console-final-quiz = Final quiz ({ $count ->
    [one] { $count } question in the pool
   *[other] { $count } questions in the pool
})
console-correct-answer = correct answer

## Audit log
console-audit-title = Audit log
console-audit-hint = People appear as unreadable (hashed) identifiers; hover over one to see it whole.
console-audit-action = Action
console-audit-from = From
console-audit-to = To
console-audit-count = { $count ->
    [one] { $count } entry
   *[other] { $count } entries
}
console-column-when = When
console-column-actor = Who
console-column-subject = About
console-column-detail = Detail

## Roles
console-roles-title = Roles
console-roles-hint = Course managers, by the list or by an administrator's grant. Administrators ({ $admins }) are named in the bot's settings.
console-column-why-manager = Manager by
console-manager-by-list = the list
console-manager-granted = an administrator's grant

## Announcements
console-announcements-title = Announcements
console-announcements-new = Write an announcement
console-announcements-none = No announcements yet.
console-announcements-awaiting = Awaiting a second manager's approval
console-announcements-recent = Recent announcements
console-announcement-title = Announcement #{ $id }
console-announcement-own = (yours)
console-announcement-waiting-own = You wrote it: another manager must approve or reject it.
console-announcement-approve = Approve
console-announcement-reject = Reject
console-announcement-cancel = Cancel this announcement
console-announcement-cancel-hint = Copies not sent yet will never be sent.
console-announcement-created = Written
console-announcement-starts = Goes out
console-announcement-zone = Times shown in
console-announcement-as-sent = The message as officers receive it
console-announcement-media-photo = 📷 A photo, with this caption (see it with /announcements in the chat)
console-announcement-media-document = 📄 A document, with this caption (see it with /announcements in the chat)
console-back-to-announcements = ← All announcements
console-column-number = No.
console-column-audience = Audience
console-column-recipients = Recipients
console-column-sent = Sent
console-column-pending = Pending
console-column-failed = Failed
console-column-unreachable = Unreachable
console-column-unconfirmed = Unconfirmed
console-column-acknowledged = Acknowledged
console-report-title = Delivery report
console-report-live = These figures update by themselves while the announcement is open.
console-report-final = Final figures. Unreachable officers have blocked the bot; unconfirmed copies were interrupted while being sent and may not have arrived.
console-compose-title = Write an announcement
console-compose-text = Message
console-compose-text-hint = **Bold** with two stars, _italics_ with underscores, links as [text](https://…). At most 4,096 characters.
console-compose-media-hint = To send a photo or a document, use /announce in the chat.
console-compose-audience = Audience
console-compose-audience-hint = Filters add up; none at all means every verified officer.
console-filter-course = Course
console-filter-completion = In the chosen course
console-filter-language = Language
console-compose-acknowledge = Add an “Acknowledge” button
console-compose-approval-rule = An announcement to every verified officer, or to more than { $limit } recipients, goes out only once a second manager approves it.
console-compose-update = Update the preview
console-compose-send = Send now
console-compose-schedule-title = Or schedule it
console-compose-when = Date and time (your time zone: { $zone })
console-compose-schedule = Schedule
console-compose-discard = Discard
console-compose-preview = As officers will see it in Telegram
console-compose-placeholder = Your message appears here.
console-compose-problem-text = Write the message first.
console-compose-problem-long = The message has { $length } characters; Telegram accepts at most { $limit }.
console-compose-problem-link = The link { $url } must start with https://.
console-compose-problem-choice = One of the audience choices is no longer offered. Choose again.
console-compose-problem-when = Choose a date and time in the future (your time zone: { $zone }).
console-notice-sending = { $count ->
    [one] It is going out now to 1 recipient.
   *[other] It is going out now to { $count } recipients.
} This page follows its delivery.
console-notice-scheduled = { $count ->
    [one] It will go out on { $when } to 1 recipient.
   *[other] It will go out on { $when } to { $count } recipients.
} It can be cancelled until then.
console-notice-awaiting = It goes to { $count } recipients, so a second manager must approve it. { $asked ->
    [0] No other manager could be asked in the chat; they will find it here.
    [one] 1 manager was asked in the chat.
   *[other] { $asked } managers were asked in the chat.
}
