# La console web des responsables de formation, ouverte par /console depuis la conversation.
command-console = Ouvrir la console web des responsables
console-link =
    Votre lien vers la console des responsables. Il ne fonctionne qu’une fois, pendant { $minutes } minutes, et seulement pour votre compte : ne le transférez pas.
console-unavailable = La console web n’est pas activée sur ce bot : l’administrateur doit définir un port web (web_port) et l’adresse de la console (console_base_url).

## Mise en page et navigation
console-name = Console learnbot
console-skip = Aller au contenu
console-nav = Sections de la console
console-nav-overview = Vue d’ensemble
console-nav-officers = Agents
console-nav-personnel = Liste du personnel
console-nav-certificates = Certificats
console-nav-announcements = Annonces
console-nav-content = Contenu
console-nav-audit = Journal d’audit
console-nav-roles = Rôles
console-language = Langue
console-language-apply = Changer
console-sign-out = Se déconnecter
console-pages = Pages
console-page-previous = ← Précédente
console-page-next = Suivante →
console-page-of = Page { $number } sur { $pages }
console-none = –
console-yes = Oui
console-percent = { $value } %
console-search = Rechercher
console-filter-country = Pays
console-filter-all = Tous
console-filter-cohort = Promotion
console-refresh = Actualiser
console-filter-apply = Appliquer
console-nothing-found = Aucun résultat.
console-export-csv = Exporter en CSV
console-cancel = Annuler

## Connexion et déconnexion
console-sign-in-title = Se connecter à la console
console-sign-in-explained = Ce lien vous a été envoyé par learnbot dans Telegram. Il vous connecte une seule fois sur ce navigateur ; la session se termine quand vous vous déconnectez ou après quelques heures d’inactivité.
console-sign-in = Se connecter
console-link-title = Ce lien ne peut pas être utilisé
console-link-used = Ce lien de connexion a déjà été utilisé. Chaque lien ne fonctionne qu’une fois.
console-link-expired = Ce lien de connexion a expiré.
console-link-unknown = Ce lien de connexion n’est pas valide. Vérifiez que vous l’avez copié en entier.
console-link-not-manager = Ce lien appartient à un compte qui n’est plus responsable de formation.
console-how-to-sign-in = Pour ouvrir la console, envoyez /console au bot learnbot dans Telegram et ouvrez le lien qu’il vous envoie.
console-signed-out-title = Vous n’êtes pas connecté
console-why-missing = Vous devez vous connecter pour voir cette page.
console-why-signed-out = Vous vous êtes déconnecté.
console-why-idle = Votre session s’est terminée après { $hours } heures d’inactivité.
console-why-role = Votre accès à la console a pris fin : votre compte n’est plus responsable de formation.

## Erreurs
console-error-title = Quelque chose ne va pas
console-error-csrf = Ce formulaire avait expiré ou ne venait pas de la console : rien n’a été modifié. Revenez en arrière, rechargez la page et réessayez.
console-error-forbidden = Cette page est réservée aux administrateurs.
console-error-not-found = Il n’y a rien à cette adresse.
console-error-too-large = Le fichier est trop volumineux ({ $limit } Mo au plus).
console-error-internal = Un problème est survenu de notre côté ; rien n’a été modifié. Réessayez dans une minute.
console-back-to-overview = Retour à la vue d’ensemble

## Vue d’ensemble
console-overview-title = Vue d’ensemble
console-figure-verified = agents vérifiés
console-figure-active = actifs ces 7 derniers jours
console-figure-lessons-week = leçons terminées cette semaine
console-courses-title = Cours
console-column-course = Cours
console-column-started = Commencé
console-column-completed = Terminé
console-column-quiz-takers = Ont passé le quiz final
console-column-pass-rate = Taux de réussite
console-column-certificates = Certificats valides
console-chart-title = Leçons terminées par semaine ({ $weeks } dernières semaines)
console-chart-description = Une barre par semaine, de la plus ancienne à gauche à la semaine en cours à droite ; les chiffres figurent aussi dans le tableau ci-dessous.
console-chart-table = Les chiffres du graphique sous forme de tableau
console-column-week = Semaine du
console-column-lessons = Leçons terminées

## Agents
console-officers-title = Agents
console-search-officers = Nom ou matricule
console-officers-count = { $count ->
    [one] { $count } entrée dans la liste
   *[other] { $count } entrées dans la liste
}
console-column-name = Nom
console-column-personnel-id = Matricule
console-column-country = Pays
console-column-cohorts = Promotions
console-column-language = Langue
console-column-last-active = Dernière activité
console-column-progress = Progression
console-not-verified = Pas encore vérifié
console-course-progress = { $course } : { $done }/{ $total } leçons
console-back-to-officers = ← Tous les agents
console-column-list-role = Rôle dans la liste
console-role-manager = Responsable de formation
console-role-officer = Agent
console-column-expires = Entrée valable jusqu’au
console-column-verified = Vérifié le
console-column-reachable = Joignable dans Telegram
console-unreachable-since = Non : a bloqué le bot le { $since }
console-actions = Actions
console-unbind = Délier le compte
console-unbind-hint = Libère cette entrée pour que l’agent puisse se vérifier à nouveau, par exemple sur un nouveau téléphone.
console-invite = Créer un code d’invitation
console-invite-hint = Un code à usage unique pour un agent qui ne peut pas se vérifier avec son numéro de téléphone.
console-invite-created = Code d’invitation, valable jusqu’au { $expires }, à usage unique. Remettez-le à l’agent en main propre ou par un canal sécurisé ; il n’est affiché que maintenant.
console-role-grant = Faire de ce compte un responsable de formation
console-role-withdraw = Retirer le rôle de responsable accordé
console-role-hint = Réservé aux administrateurs. Un rôle donné par la liste ne change qu’avec une nouvelle liste.
console-role-granted = Ce compte est désormais responsable de formation.
console-role-revoked = Le rôle de responsable accordé a été retiré.
console-progress-title = Progression par cours
console-no-progress = Aucune leçon commencée.
console-attempts-title = Tentatives de quiz
console-column-started-at = Début
console-column-quiz = Quiz
console-column-score = Score
console-column-result = Résultat
console-quiz-final = Quiz final : { $course }
console-quiz-lesson = Vérification de leçon : { $course }
console-quiz-review = Révision
console-unfinished = Non terminé
console-finished = Terminé
console-passed = Réussi
console-failed = Non réussi
console-no-attempts = Aucune tentative de quiz.
console-no-certificates = Aucun certificat.

## Liste du personnel
console-personnel-title = Liste du personnel autorisé
console-personnel-count = { $count ->
    [one] La liste compte { $count } entrée.
   *[other] La liste compte { $count } entrées.
}
console-personnel-download = Télécharger la liste actuelle (CSV)
console-personnel-download-hint = Les numéros de téléphone et les adresses e-mail ne figurent pas dans le téléchargement : learnbot n’en conserve que des formes illisibles (hachées).
console-personnel-upload-title = Remplacer la liste
console-personnel-upload-hint = Envoyez la liste complète sous forme de fichier CSV, comme vous l’enverriez au bot. Vous verrez ce qui change avant que quoi que ce soit ne soit remplacé.
console-personnel-file = Fichier CSV ({ $limit } Mo au plus)
console-personnel-check = Vérifier le fichier
console-personnel-preview-title = Vérifier les changements
console-preview-added = Ajoutées
console-preview-updated = Mises à jour
console-preview-removed = Supprimées
console-import-stale = Cet envoi a déjà été confirmé ou annulé.

## Certificats
console-certificates-title = Certificats
console-search-certificates = Code ou nom
console-certificates-count = { $count ->
    [one] { $count } certificat
   *[other] { $count } certificats
}
console-column-code = Code
console-column-holder = Titulaire
console-column-issued = Délivré le
console-column-status = Statut
console-valid = Valide
console-revoked = Révoqué
console-revoked-on = Révoqué le { $date }
console-revoke = Révoquer…
console-revoke-title = Révoquer le certificat { $code }
console-revoke-reason = Motif (conservé avec le certificat et dans le journal d’audit)
console-revoke-confirm = Révoquer le certificat
console-revoke-reason-needed = Indiquez un motif pour révoquer un certificat.

## Contenu
console-content-title = Contenu
console-content-hint = Chaque cours, dans chaque langue, carte par carte tel que les agents le voient dans Telegram, avec les quiz et leurs réponses.
console-content-size = { $lessons ->
    [one] { $lessons } leçon
   *[other] { $lessons } leçons
}, { $questions ->
    [one] { $questions } question de quiz
   *[other] { $questions } questions de quiz
}
console-content-language = Afficher en
console-back-to-content = ← Tous les cours
console-lesson-check = Vérification de la leçon
console-final-quiz = Quiz final ({ $count ->
    [one] { $count } question dans la banque
   *[other] { $count } questions dans la banque
})
console-correct-answer = bonne réponse

## Journal d’audit
console-audit-title = Journal d’audit
console-audit-hint = Les personnes apparaissent sous forme d’identifiants illisibles (hachés) ; survolez-en un pour le voir en entier.
console-audit-action = Action
console-audit-from = Du
console-audit-to = Au
console-audit-count = { $count ->
    [one] { $count } entrée
   *[other] { $count } entrées
}
console-column-when = Quand
console-column-actor = Qui
console-column-subject = Concernant
console-column-detail = Détail

## Rôles
console-roles-title = Rôles
console-roles-hint = Responsables de formation, par la liste ou par décision d’un administrateur. Les administrateurs ({ $admins }) sont désignés dans la configuration du bot.
console-column-why-manager = Responsable par
console-manager-by-list = la liste
console-manager-granted = décision d’un administrateur

## Annonces
console-announcements-title = Annonces
console-announcements-new = Rédiger une annonce
console-announcements-none = Aucune annonce pour l’instant.
console-announcements-awaiting = En attente de l’approbation d’un second responsable
console-announcements-recent = Annonces récentes
console-announcement-title = Annonce nº { $id }
console-announcement-own = (la vôtre)
console-announcement-waiting-own = Vous l’avez rédigée : un autre responsable doit l’approuver ou la refuser.
console-announcement-approve = Approuver
console-announcement-reject = Refuser
console-announcement-cancel = Annuler cette annonce
console-announcement-cancel-hint = Les copies pas encore envoyées ne le seront jamais.
console-announcement-created = Rédigée
console-announcement-starts = Envoi
console-announcement-zone = Heures affichées pour
console-announcement-as-sent = Le message tel que les agents le reçoivent
console-announcement-media-photo = 📷 Une photo, avec cette légende (visible avec /announcements dans la conversation)
console-announcement-media-document = 📄 Un document, avec cette légende (visible avec /announcements dans la conversation)
console-back-to-announcements = ← Toutes les annonces
console-column-number = Nº
console-column-audience = Destinataires visés
console-column-recipients = Destinataires
console-column-sent = Envoyées
console-column-pending = En attente
console-column-failed = Échecs
console-column-unreachable = Injoignables
console-column-unconfirmed = Non confirmées
console-column-acknowledged = Lu et compris
console-report-title = Rapport de distribution
console-report-live = Ces chiffres se mettent à jour d’eux-mêmes tant que l’annonce est en cours.
console-report-final = Chiffres définitifs. Les agents injoignables ont bloqué le bot ; les copies non confirmées ont été interrompues pendant l’envoi et ne sont peut-être pas arrivées.
console-compose-title = Rédiger une annonce
console-compose-text = Message
console-compose-text-hint = **Gras** entre deux astérisques, _italique_ entre tirets bas, liens sous la forme [texte](https://…). 4 096 caractères au plus.
console-compose-media-hint = Pour envoyer une photo ou un document, utilisez /announce dans la conversation.
console-compose-audience = Destinataires
console-compose-audience-hint = Les filtres se cumulent ; sans filtre, l’annonce va à tous les agents vérifiés.
console-filter-course = Cours
console-filter-completion = Dans le cours choisi
console-filter-language = Langue
console-compose-acknowledge = Ajouter un bouton « Lu et compris »
console-compose-approval-rule = Une annonce à tous les agents vérifiés, ou à plus de { $limit } destinataires, ne part qu’après l’approbation d’un second responsable.
console-compose-update = Mettre à jour l’aperçu
console-compose-send = Envoyer maintenant
console-compose-schedule-title = Ou la programmer
console-compose-when = Date et heure (votre fuseau horaire : { $zone })
console-compose-schedule = Programmer
console-compose-discard = Abandonner
console-compose-preview = Tel que les agents le verront dans Telegram
console-compose-placeholder = Votre message s’affiche ici.
console-compose-problem-text = Rédigez d’abord le message.
console-compose-problem-long = Le message compte { $length } caractères ; Telegram en accepte au plus { $limit }.
console-compose-problem-link = Le lien { $url } doit commencer par https://.
console-compose-problem-choice = L’un des choix de destinataires n’est plus proposé. Choisissez à nouveau.
console-compose-problem-when = Choisissez une date et une heure à venir (votre fuseau horaire : { $zone }).
console-notice-sending = { $count ->
    [one] Elle part maintenant vers 1 destinataire.
   *[other] Elle part maintenant vers { $count } destinataires.
} Cette page suit sa distribution.
console-notice-scheduled = { $count ->
    [one] Elle partira le { $when } vers 1 destinataire.
   *[other] Elle partira le { $when } vers { $count } destinataires.
} Elle peut être annulée d’ici là.
console-notice-awaiting = Elle va à { $count } destinataires : un second responsable doit donc l’approuver. { $asked ->
    [0] Aucun autre responsable n’a pu être sollicité dans la conversation ; ils la trouveront ici.
    [one] 1 responsable a été sollicité dans la conversation.
   *[other] { $asked } responsables ont été sollicités dans la conversation.
}
