# Cohortes et affectations : /assign, /assignments, échéances dans /courses, filtres de /stats.
command-assign = Affecter un cours à une cohorte, avec une échéance
command-assignments = Lister et annuler les affectations de cours
assign-no-cohorts = Il n'y a pas encore de cohorte. Ajoutez une colonne « cohort » à la liste du personnel (plusieurs noms séparés par |) et importez-la de nouveau.
assign-choose-cohort = Affecter un cours : choisissez la cohorte (nombre de membres entre parenthèses).
assign-choose-course = Cohorte « { $cohort } » : choisissez le cours.
assign-choose-date = « { $course } » pour « { $cohort } » : pour quand doit-il être terminé ? Choisissez, ou tapez la date sous la forme 2027-03-15.
assign-in-weeks = Dans { $weeks } semaines
assign-bad-date = Tapez une date postérieure à aujourd'hui, sous la forme 2027-03-15, ou envoyez une commande pour arrêter.
assign-done =
    « { $course } » est affecté à « { $cohort } » ({ $members ->
        [one] 1 agent
       *[other] { $members } agents
    }), à terminer pour le { $date }. Ils le voient en premier dans /courses, avec des rappels 7 jours et 1 jour avant.
assign-updated =
    « { $course } » pour « { $cohort } » ({ $members ->
        [one] 1 agent
       *[other] { $members } agents
    }) est désormais à terminer pour le { $date }.
assignments-title = Affectations de cours
assignments-none = Aucun cours n'est affecté. /assign en affecte un à une cohorte.
assignments-line = { $cohort } · { $course } · pour le { $date }
assignments-line-overdue = { $cohort } · { $course } · échéance passée ({ $date })
assignments-cancel-button = ✖️ { $cohort } · { $course }
assignments-cancelled = Affectation annulée.
catalogue-due = { $course } · pour le { $date }
catalogue-overdue = ⚠️ { $course } · en retard depuis le { $date }
stats-by-cohort = 👥 Par cohorte…
stats-by-country = 🌍 Par pays…
stats-everyone = Tous les agents
stats-export-these = ⬇️ Exporter ces données
stats-choose = Afficher les chiffres de :
stats-filtered = Chiffres pour { $filter }
stats-filter-cohort = la cohorte « { $name } »
stats-filter-country = le pays { $country }
