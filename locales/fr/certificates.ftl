## Quiz final, certificats et première heure de l'agent (issue 10).

## Présentation du cours : ce qu'il demande et ce que demande son quiz final
course-length = { $lessons } leçons · environ { $minutes } minutes d'étude
course-final-quiz = Quiz final : { $count -> 
    [one] { $count } question
   *[other] { $count } questions
 }, note de réussite { $percent } %.
course-final-after-lessons = Il s'ouvre une fois toutes les leçons terminées.
course-final-retakes = { $count -> 
    [one] Après un échec,
   *[other] Après { $count } échecs consécutifs,
 } il faut attendre { $hours -> 
    [one] { $hours } heure
   *[other] { $hours } heures
 } avant de réessayer.
course-certificate-valid = Le certificat est valable { $months -> 
    [one] { $months } mois
   *[other] { $months } mois
 }.

## Quiz final : règles avant la première question, refus
quiz-rules-questions = { $count -> 
    [one] { $count } question tirée
   *[other] { $count } questions tirées
 } d'un ensemble de { $pool } : une nouvelle tentative en propose d'autres.
quiz-rules-questions-all = { $count -> 
    [one] { $count } question.
   *[other] { $count } questions.
 }
quiz-rules-pass-mark = Note de réussite : { $percent } %.
quiz-rules-time-limit = Temps imparti : { $minutes -> 
    [one] { $minutes } minute
   *[other] { $minutes } minutes
 }, à partir de la première question.
quiz-rules-no-time-limit = Pas de limite de temps.
quiz-rules-attempts-left = { $count -> 
    [one] Il vous reste { $count } tentative avant un délai d'attente.
   *[other] Il vous reste { $count } tentatives avant un délai d'attente.
 }
quiz-rules-feedback-end = Vous verrez vos résultats et les explications à la fin, et non après chaque réponse.
quiz-rules-feedback-each = Vous verrez après chaque réponse si elle est juste, avec son explication.
quiz-begin = ▶️ Commencer le quiz final
quiz-lessons-first = { $count -> 
    [one] Le quiz final s'ouvre une fois toutes les leçons terminées : il vous reste { $count } leçon.
   *[other] Le quiz final s'ouvre une fois toutes les leçons terminées : il vous reste { $count } leçons.
 }

## Réponses
quiz-option-letters = A B C D E F G H I J K L
quiz-your-answer = Votre réponse :
quiz-answer-recorded = Réponse enregistrée : { $answer }
quiz-certificate-follows = Votre certificat suit ci-dessous.
quiz-certificate-held = Vous détenez déjà le certificat de ce cours : voir /certificates.
quiz-your-answers = Vos réponses :
quiz-review-chosen = Votre réponse : { $answer }
quiz-review-unanswered = Sans réponse.
quiz-review-right = Bonne réponse : { $answer }

## Le certificat (PDF)
certificate-issuer = { $organisation } · { $bot }
certificate-statement = Le présent certificat atteste que
certificate-holder-unnamed = la personne titulaire de ce certificat
certificate-achievement = a suivi les { $lessons } leçons et réussi l'évaluation finale avec { $percent } % (note de réussite { $pass } %) du cours
certificate-achievement-assessment = a réussi l'évaluation finale avec { $percent } % (note de réussite { $pass } %) du cours
certificate-course = { $course } · { $minutes } minutes d'étude
certificate-issued = Délivré le { $date }
certificate-issued-valid-until = Délivré le { $date } · valable jusqu'au { $expires }
certificate-personnel-id = Matricule : { $id }

## /certificates
certificates-title = Vos certificats
certificates-none = Vous n'avez pas encore de certificat. Terminez un cours et réussissez son quiz final pour en obtenir un.
certificates-line = { $course } : { $code }, délivré le { $date } ({ $status })
certificates-valid = valable
certificates-valid-until = valable jusqu'au { $date }
certificates-expired = expiré le { $date }
certificates-revoked = révoqué
certificates-get = 📄 { $course }
command-certificates = Vos certificats, renvoyés sur demande

## /verify
verify-invite-code = Ceci est un code d'invitation : envoyez-le comme simple message (sans /verify) pour être vérifié.
verify-expired-on = ⌛ Le certificat { $code } (« { $course } », délivré le { $date }) a expiré le { $expired }.
verify-valid-until = Valable jusqu'au { $date }.

## Vérification
verify-typed-phone = Appuyez sur le bouton « Partager mon numéro de téléphone » ci-dessous : un numéro saisi à la main ne prouve pas qu'il est le vôtre.
verify-already = Vous êtes déjà vérifié. Utilisez le menu ci-dessous.
verify-withdrawn = Votre accès a été retiré : vous ne figurez plus sur la liste du personnel autorisé. Veuillez contacter { $contact }. Si vous avez été réinscrit sur la liste, vérifiez-vous de nouveau avec le bouton ci-dessous.
access-contact-default = votre responsable de formation

## /help pour les responsables et les administrateurs
help-managing =
    Gestion des cours :
    /stats — chiffres par cours
    /export — progression de chaque apprenant (CSV)
    /invite MATRICULE — un code d'invitation pour une entrée de la liste
    /unbind MATRICULE — libérer une entrée liée à un compte
    /conflicts — entrées revendiquées par un second compte
    /revoke_certificate CODE — révoquer un certificat
    /console — un lien de connexion à la console web
    /assign — attribuer un cours à une cohorte, avec une échéance
    /assignments — les cours attribués aux cohortes
    /announce — rédiger une annonce aux agents
    /announcements — les annonces récentes et leur distribution
    Envoyez un fichier .csv pour remplacer la liste du personnel autorisé.
help-administering =
    Administration :
    /grant_manager ID_UTILISATEUR — nommer un compte responsable de formation
    /revoke_manager ID_UTILISATEUR — retirer le rôle de responsable de formation

## /stats
stats-started = { $count -> 
    [one] { $count } personne a commencé
   *[other] { $count } personnes ont commencé
 }
stats-completed = { $count -> 
    [one] { $count } a terminé toutes les leçons
   *[other] { $count } ont terminé toutes les leçons
 }
stats-attempted = { $count -> 
    [one] { $count } a passé le quiz final
   *[other] { $count } ont passé le quiz final
 }
stats-passed = { $count -> 
    [one] { $count } l'a réussi
   *[other] { $count } l'ont réussi
 }
stats-pass-rate = taux de réussite : { $rate }
stats-average-best = Moyenne du meilleur résultat de chaque personne au quiz final : { $average }
