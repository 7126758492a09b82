# Rappels d'étude : /reminders, les rappels eux-mêmes, les alertes de révision.
command-reminders = Rappels d'étude quotidiens : heure, fuseau, pause
reminders-title = ⏰ Rappels d'étude
reminders-state-on = Les rappels quotidiens sont activés, à { $time } ({ $zone }).
reminders-state-off = Les rappels quotidiens sont désactivés.
reminders-state-paused = En pause jusqu'au { $date }.
reminders-every = Pour l'instant, ils arrivent tous les { $days } jours, car les derniers n'ont pas été suivis ; étudier les rétablit chaque jour.
reminders-quiet = Heures de calme : { $hours }.
reminders-quiet-none = Aucune heure de calme.
reminders-nudges-on = Alertes de révision : activées (un message dès que des questions sont à réviser).
reminders-nudges-off = Alertes de révision : désactivées.
reminders-turn-off = 🔕 Désactiver les rappels
reminders-turn-on = 🔔 Activer les rappels
reminders-other-time = Autre heure…
reminders-zone-button = 🌍 Fuseau horaire…
reminders-quiet-button = 🌙 Heures de calme…
reminders-nudges-enable = 🔁 Activer les alertes de révision
reminders-nudges-disable = 🔁 Désactiver les alertes de révision
reminders-pause-button = ⏸ Pause…
reminders-back = ◀️ Retour
reminders-type-time = Tapez l'heure de votre rappel, par exemple 18:30.
reminders-bad-time = Ce n'est pas une heure. Tapez-la sous la forme 18:30, ou envoyez une commande pour arrêter.
reminders-time-in-quiet = { $time } tombe pendant vos heures de calme ({ $hours }). Choisissez une autre heure, ou modifiez d'abord les heures de calme.
reminders-zone-choose = Choisissez votre fuseau horaire :
reminders-zone-type-button = Taper une ville…
reminders-zone-type = Tapez une ville ou le nom d'un fuseau horaire, par exemple Nairobi ou America/Bogota.
reminders-zone-unknown = Je ne connais pas le lieu « { $text } ». Tapez une grande ville proche de chez vous, ou un fuseau comme Europe/Paris.
reminders-quiet-choose = À quelles heures les rappels ne doivent-ils jamais arriver ?
reminders-quiet-off = Pas d'heures de calme
reminders-other-hours = Autres heures…
reminders-quiet-type = Tapez vos heures de calme sous la forme de deux heures, par exemple 22:00-06:30.
reminders-quiet-bad = Tapez deux heures différentes, par exemple 22:00-06:30, ou choisissez ci-dessous.
reminders-quiet-contains = Ces heures de calme incluent l'heure de votre rappel ({ $time }). Changez d'abord l'heure du rappel.
reminders-pause-choose = Mettre les rappels en pause pour combien de temps ?
reminders-pause-days =
    { $days ->
        [one] 1 jour
       *[other] { $days } jours
    }
reminders-pause-other = Autre…
reminders-pause-prompt = Tapez un nombre de jours, de 1 à 90.
reminders-pause-bad = Tapez un nombre de jours de 1 à 90, ou envoyez une commande pour arrêter.
reminders-resume = ▶️ Reprendre maintenant
reminders-settings-button = ⚙️ Réglages des rappels
reminders-intro = Les rappels d'étude quotidiens sont activés, à { $time } ({ $zone }){ $quiet }. Modifiez-les ou arrêtez-les avec /reminders.
reminders-intro-quiet = , jamais pendant les heures de calme ({ $hours })
reminder-title = 📚 Quelques minutes d'étude aujourd'hui ?
reminder-reviews =
    { $count ->
        [one] 1 question est prête pour la révision.
       *[other] { $count } questions sont prêtes pour la révision.
    }
reminder-next-lesson = Prochaine leçon : { $lesson } ({ $course }).
reminder-due =
    « { $course } » est à terminer pour le { $date } ({ $days ->
        [0] aujourd'hui
        [one] demain
       *[other] dans { $days } jours
    }).
reminder-overdue = « { $course } » devait être terminé le { $date } : le délai est dépassé.
reminder-streak =
    🔥 Série d'étude : { $days ->
        [one] 1 jour.
       *[other] { $days } jours d'affilée.
    }
reminder-slowed = Vous n'avez pas étudié après les 3 derniers rappels : ils arrivent désormais tous les { $days } jours. Modifiez-les ou arrêtez-les avec /reminders.
reminder-intro = Voici vos rappels d'étude quotidiens. Changez leur heure ou désactivez-les avec /reminders.
reminder-open-lesson = 📖 Ouvrir la prochaine leçon
nudge-text =
    { $count ->
        [one] 🔁 Une question est prête pour la révision.
       *[other] 🔁 { $count } questions sont prêtes pour la révision.
    }
