# Cohortes y asignaciones: /assign, /assignments, plazos en /courses y filtros de /stats.
command-assign = Asignar un curso a una cohorte, con fecha límite
command-assignments = Ver y cancelar las asignaciones de cursos
assign-no-cohorts = Todavía no hay cohortes. Añada una columna «cohort» a la lista de personal (varios nombres separados por |) e impórtela de nuevo.
assign-choose-cohort = Asignar un curso: elija la cohorte (miembros entre paréntesis).
assign-choose-course = Cohorte «{ $cohort }»: elija el curso.
assign-choose-date = «{ $course }» para «{ $cohort }»: ¿para cuándo debe completarse? Elija, o escriba la fecha como 2027-03-15.
assign-in-weeks = Dentro de { $weeks } semanas
assign-bad-date = Escriba una fecha posterior a hoy, como 2027-03-15, o envíe cualquier comando para salir.
assign-done =
    «{ $course }» está asignado a «{ $cohort }» ({ $members ->
        [one] 1 agente
       *[other] { $members } agentes
    }), con fecha límite el { $date }. Lo verán primero en /courses, con recordatorios 7 días y 1 día antes.
assign-updated =
    «{ $course }» para «{ $cohort }» ({ $members ->
        [one] 1 agente
       *[other] { $members } agentes
    }) tiene ahora como fecha límite el { $date }.
assignments-title = Asignaciones de cursos
assignments-none = No hay cursos asignados. /assign asigna uno a una cohorte.
assignments-line = { $cohort } · { $course } · hasta el { $date }
assignments-line-overdue = { $cohort } · { $course } · vencido el { $date }
assignments-cancel-button = ✖️ { $cohort } · { $course }
assignments-cancelled = Asignación cancelada.
catalogue-due = { $course } · hasta el { $date }
catalogue-overdue = ⚠️ { $course } · vencido desde el { $date }
stats-by-cohort = 👥 Por cohorte…
stats-by-country = 🌍 Por país…
stats-everyone = Todos los agentes
stats-export-these = ⬇️ Exportar estos datos
stats-choose = Mostrar las cifras de:
stats-filtered = Cifras de { $filter }
stats-filter-cohort = la cohorte «{ $name }»
stats-filter-country = el país { $country }
