# Annonces des responsables de cours : /announce, validation, /announcements, rapports, accusés de lecture.
command-announce = Rédiger une annonce aux agents
command-announcements = Annonces récentes et leur distribution
announce-prompt-body = Envoyez maintenant l'annonce : un texte (gras, italique et liens sont conservés), ou une photo ou un document avec une légende. Toute commande arrête.
announce-unsupported-body = Une annonce est un texte, une photo ou un document. Envoyez l'un d'eux, ou une commande pour arrêter.
announce-button-discard = ✖️ Abandonner
announce-discarded = Annonce abandonnée.
announce-stale = Cette annonce n'en est plus à cette étape.
announce-panel-title = Annonce n° { $id } (brouillon)
announce-panel-audience = Destinataires : { $audience }
announce-panel-count =
    { $count ->
        [one] 1 destinataire à cet instant.
       *[other] { $count } destinataires à cet instant.
    }
announce-panel-ack-on = Les destinataires reçoivent un bouton « Bien reçu ».
announce-panel-ack-off = Pas de bouton « Bien reçu ».
announce-panel-approval = Un second responsable doit la valider avant son envoi.
announce-button-audience = 👥 Destinataires…
announce-button-preview = 👁 Aperçu
announce-button-ack-on = Ajouter un bouton « Bien reçu »
announce-button-ack-off = Retirer le bouton « Bien reçu »
announce-button-send = 📣 Envoyer maintenant
announce-button-schedule = 🕒 Programmer…
announce-audience-title = Qui doit la recevoir ? Les filtres se cumulent.
announce-audience-everyone = tous les agents vérifiés
announce-filter-cohort = cohorte « { $name } »
announce-filter-course = cours « { $course } » : { $completion }
announce-filter-country = pays { $country }
announce-filter-language = langue : { $language }
announce-by-cohort = Cohorte…
announce-by-course = Cours…
announce-by-country = Pays…
announce-by-language = Langue…
announce-by-completion = Avancement…
announce-everyone = Tout le monde (sans filtre)
announce-any = Tous
announce-back = ◀️ Retour
announce-completion-any = commencé ou affecté
announce-completion-not-started = non commencé
announce-completion-in-progress = en cours
announce-completion-completed = terminé
announce-schedule-title = Quand doit-elle partir ?
announce-in-one-hour = Dans une heure
announce-tomorrow-morning = Demain à 09:00
announce-type-when-button = Taper une date et une heure…
announce-type-when = Tapez la date et l'heure dans votre fuseau horaire ({ $zone }), par exemple 2027-03-15 09:00.
announce-bad-when = Tapez une date et une heure à venir, dans votre fuseau horaire ({ $zone }), par exemple 2027-03-15 09:00.
announce-empty = Personne ne correspond à ces destinataires pour l'instant. Modifiez les filtres.
announce-sending =
    L'annonce n° { $id } part maintenant vers { $count ->
        [one] 1 destinataire.
       *[other] { $count } destinataires.
    } /announcements montre sa progression, et vous recevrez un rapport à la fin.
announce-scheduled =
    L'annonce n° { $id } partira le { $when } vers { $count ->
        [one] 1 destinataire.
       *[other] { $count } destinataires.
    } Elle figure dans /announcements, où elle peut être annulée.
announce-awaiting-approval =
    L'annonce n° { $id } s'adresse à { $count } destinataires : un second responsable doit donc la valider. { $reviewers ->
        [0] Aucun autre responsable n'est joignable pour l'instant ; ils la trouveront dans /announcements.
        [one] 1 responsable a été sollicité.
       *[other] { $reviewers } responsables ont été sollicités.
    }
announce-approval-request = L'annonce n° { $id } à { $count } destinataires ({ $audience }) doit être validée par un second responsable avant son envoi.
announce-button-show = 👁 La voir
announce-button-approve = ✅ Valider
announce-button-reject = ✖️ Refuser
announce-button-approve-id = ✅ Valider n° { $id }
announce-button-reject-id = ✖️ Refuser n° { $id }
announce-button-cancel-id = ⏹ Annuler n° { $id }
announce-approved = L'annonce n° { $id } est validée : elle part le { $when } vers { $count } destinataires.
announce-rejected = L'annonce n° { $id } a été refusée : elle ne sera pas envoyée.
announce-own = Vous avez rédigé cette annonce : un autre responsable doit la valider.
announce-cancelled = L'annonce n° { $id } est annulée.
announce-acknowledge = ✅ Bien reçu
announce-acknowledged = ✔️ Lecture confirmée
announce-ack-thanks = Merci, c'est noté.
announcements-title = Annonces récentes
announcements-none = Aucune annonce pour l'instant. /announce en rédige une.
announcements-line = N° { $id } · { $status } · { $audience }
announcements-counts = Envoyées { $sent } sur { $total } · en attente { $pending } · échecs { $failed } · injoignables { $unreachable } · non confirmées { $unconfirmed } · lectures confirmées { $acknowledged }
announcements-failure = Échec : { $reason } ({ $count })
announcements-refresh = 🔄 Actualiser
announcement-status-draft = brouillon
announcement-status-approval = en attente de validation
announcement-status-scheduled = programmée pour le { $when }
announcement-status-sending = en cours d'envoi
announcement-status-done = terminée
announcement-status-cancelled = annulée
announcement-status-rejected = refusée
announce-report = L'envoi de l'annonce n° { $id } est terminé.
announce-report-cancelled = L'annonce n° { $id } a été annulée pendant son envoi.
