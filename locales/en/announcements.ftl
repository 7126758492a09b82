# Announcements from course managers: /announce, approval, /announcements, reports, acknowledgements.
command-announce = Write an announcement to officers
command-announcements = Recent announcements and their delivery
announce-prompt-body = Send the announcement now: a text (bold, italics and links are kept), or a photo or a document with a caption. Any command stops.
announce-unsupported-body = An announcement is a text, a photo or a document. Send one of those, or any command to stop.
announce-button-discard = ✖️ Discard
announce-discarded = Announcement discarded.
announce-stale = This announcement is no longer in that state.
announce-panel-title = Announcement #{ $id } (draft)
announce-panel-audience = Audience: { $audience }
announce-panel-count =
    { $count ->
        [one] 1 recipient right now.
       *[other] { $count } recipients right now.
    }
announce-panel-ack-on = Recipients get an “Acknowledge” button.
announce-panel-ack-off = No “Acknowledge” button.
announce-panel-approval = A second manager must approve it before it goes out.
announce-button-audience = 👥 Audience…
announce-button-preview = 👁 Preview
announce-button-ack-on = Add an “Acknowledge” button
announce-button-ack-off = Remove the “Acknowledge” button
announce-button-send = 📣 Send now
announce-button-schedule = 🕒 Schedule…
announce-audience-title = Who should receive it? Filters add up.
announce-audience-everyone = every verified officer
announce-filter-cohort = cohort “{ $name }”
announce-filter-course = course “{ $course }”: { $completion }
announce-filter-country = country { $country }
announce-filter-language = language: { $language }
announce-by-cohort = Cohort…
announce-by-course = Course…
announce-by-country = Country…
announce-by-language = Language…
announce-by-completion = Completion…
announce-everyone = Everyone (no filter)
announce-any = Any
announce-back = ◀️ Back
announce-completion-any = started or assigned
announce-completion-not-started = not started
announce-completion-in-progress = in progress
announce-completion-completed = completed
announce-schedule-title = When should it go out?
announce-in-one-hour = In one hour
announce-tomorrow-morning = Tomorrow at 09:00
announce-type-when-button = Type a date and time…
announce-type-when = Type the date and time in your time zone ({ $zone }), for example 2027-03-15 09:00.
announce-bad-when = Type a date and time in the future, in your time zone ({ $zone }), for example 2027-03-15 09:00.
announce-empty = Nobody matches this audience right now. Change the filters.
announce-sending =
    Announcement #{ $id } is going out now to { $count ->
        [one] 1 recipient.
       *[other] { $count } recipients.
    } /announcements shows its progress, and you will get a report at the end.
announce-scheduled =
    Announcement #{ $id } will go out on { $when } to { $count ->
        [one] 1 recipient.
       *[other] { $count } recipients.
    } /announcements shows it, and it can be cancelled there.
announce-awaiting-approval =
    Announcement #{ $id } goes to { $count } recipients, so a second manager must approve it. { $reviewers ->
        [0] No other manager can be reached right now; they will find it in /announcements.
        [one] 1 manager was asked.
       *[other] { $reviewers } managers were asked.
    }
announce-approval-request = Announcement #{ $id } to { $count } recipients ({ $audience }) needs a second manager's approval before it goes out.
announce-button-show = 👁 Show it
announce-button-approve = ✅ Approve
announce-button-reject = ✖️ Reject
announce-button-approve-id = ✅ Approve #{ $id }
announce-button-reject-id = ✖️ Reject #{ $id }
announce-button-cancel-id = ⏹ Cancel #{ $id }
announce-approved = Announcement #{ $id } is approved: it goes out on { $when } to { $count } recipients.
announce-rejected = Announcement #{ $id } was rejected: it will not go out.
announce-own = You wrote this announcement: another manager must approve it.
announce-cancelled = Announcement #{ $id } is cancelled.
announce-acknowledge = ✅ Acknowledge
announce-acknowledged = ✔️ Acknowledged
announce-ack-thanks = Thank you: noted.
announcements-title = Recent announcements
announcements-none = No announcements yet. /announce writes one.
announcements-line = #{ $id } · { $status } · { $audience }
announcements-counts = Sent { $sent } of { $total } · pending { $pending } · failed { $failed } · unreachable { $unreachable } · unconfirmed { $unconfirmed } · acknowledged { $acknowledged }
announcements-failure = Failed: { $reason } ({ $count })
announcements-refresh = 🔄 Refresh
announcement-status-draft = draft
announcement-status-approval = awaiting approval
announcement-status-scheduled = scheduled for { $when }
announcement-status-sending = going out
announcement-status-done = finished
announcement-status-cancelled = cancelled
announcement-status-rejected = rejected
announce-report = Announcement #{ $id } has finished going out.
announce-report-cancelled = Announcement #{ $id } was cancelled while going out.
