# Cohorts and assignments: /assign, /assignments, due dates in /courses, and /stats filters.
command-assign = Assign a course to a cohort, with a due date
command-assignments = List and cancel course assignments
assign-no-cohorts = There are no cohorts yet. Add a “cohort” column to the personnel list (several names separated by |) and import it again.
assign-choose-cohort = Assign a course: choose the cohort (members in brackets).
assign-choose-course = Cohort “{ $cohort }”: choose the course.
assign-choose-date = “{ $course }” for “{ $cohort }”: by when must it be finished? Choose, or type the date as 2027-03-15.
assign-in-weeks = In { $weeks } weeks
assign-bad-date = Type a date after today, as 2027-03-15, or send any command to stop.
assign-done =
    “{ $course }” is assigned to “{ $cohort }” ({ $members ->
        [one] 1 officer
       *[other] { $members } officers
    }), due { $date }. They see it first in /courses, with reminders 7 days and 1 day before.
assign-updated =
    “{ $course }” for “{ $cohort }” ({ $members ->
        [one] 1 officer
       *[other] { $members } officers
    }) is now due { $date }.
assignments-title = Course assignments
assignments-none = No course is assigned. /assign assigns one to a cohort.
assignments-line = { $cohort } · { $course } · due { $date }
assignments-line-overdue = { $cohort } · { $course } · was due { $date }
assignments-cancel-button = ✖️ { $cohort } · { $course }
assignments-cancelled = Assignment cancelled.
catalogue-due = { $course } · due { $date }
catalogue-overdue = ⚠️ { $course } · overdue since { $date }
stats-by-cohort = 👥 By cohort…
stats-by-country = 🌍 By country…
stats-everyone = All officers
stats-export-these = ⬇️ Export these
stats-choose = Show the figures of:
stats-filtered = Figures for { $filter }
stats-filter-cohort = cohort “{ $name }”
stats-filter-country = country { $country }
