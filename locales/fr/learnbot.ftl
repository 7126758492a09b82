## learnbot interface strings: French (translated from en/learnbot.ftl, the reference locale).
## Every message here must exist in ar, es and fr with the same variables.
## Messages are plain text: the bot escapes them before adding Telegram formatting.

-bot-name = learnbot

## Language names, each written in its own language (shown on the language picker).
language-name-ar = العربية
language-name-en = English
language-name-es = Español
language-name-fr = Français

## /start and the main menu
welcome =
    Bienvenue, { $name } !
    Je suis { -bot-name }, votre assistant de formation sur les capacités policières d’INTERPOL.
    Étudiez par courtes séances : lisez des fiches brèves, puis reprenez exactement là où vous en étiez.
menu-title = Que souhaitez-vous faire ?
menu-courses = 📚 Cours
menu-continue = ▶️ Continuer
menu-language = 🌐 Langue
menu-help = ❓ Aide

## /help
help =
    Voici ce que vous pouvez faire :
    /start — accueil et menu principal
    /courses — parcourir les cours
    /continue — passer à la leçon suivante
    /review — répondre aux questions à réviser
    /certificates — vos certificats, renvoyés sur demande
    /reminders — vos rappels d’étude : activés ou non, heure, fuseau horaire, heures de silence
    /verify CODE — vérifier le code d'un certificat
    /language — changer de langue
    /mydata — voir les données enregistrées vous concernant
    /deleteme — supprimer votre compte et votre progression
    /help — afficher cette aide
    Dans une leçon, utilisez les boutons Suivant et Retour sous chaque fiche.

## Command descriptions shown in Telegram's command menu (at most 256 characters each)
command-start = Accueil et menu principal
command-courses = Parcourir les cours
command-continue = Reprendre là où vous en étiez
command-language = Changer de langue
command-help = Ce que je peux faire

## /language
language-prompt = Choisissez votre langue :
language-changed = Langue : français.

## Catalogue and courses
catalogue-title = Cours
catalogue-empty = Aucun cours n’est encore disponible.
course-progress = Leçons terminées : { $done } sur { $total }
course-lesson-done = ✅ { $title }
course-lesson-todo = ▫️ { $title }
course-start = ▶️ Commencer
course-resume = ▶️ Reprendre
course-restart = 🔁 Recommencer
back-to-catalogue = ◀️ Tous les cours

## Lesson cards
card-position = Leçon { $lesson } sur { $lessons } · fiche { $card } sur { $cards }
card-next = Suivant ▶️
card-back = ◀️ Retour
card-next-lesson = Leçon suivante ▶️
card-finish = Terminer ✅
card-menu = ☰ Menu
course-finished =
    Vous avez terminé toutes les leçons de « { $course } ». Félicitations !
continue-nothing = Vous n’avez encore commencé aucun cours. Choisissez-en un pour débuter :

## Answers to what the bot does not understand
unknown-command = Je ne connais pas la commande { $command }. Envoyez /help pour voir ce que je peux faire.
unknown-text = Je n’ai pas compris ce message. Utilisez le menu ci-dessous ou envoyez /help.
unsupported-media = Je ne peux lire que les messages texte et les boutons. Utilisez le menu ci-dessous ou envoyez /help.
edited-message = J’ai vu que vous avez modifié un message ; je ne lis que les nouveaux messages. Renvoyez-le si nécessaire.
stale-button = Ce bouton n’est plus à jour. Voici le menu.
error-generic = Un problème est survenu de mon côté. Veuillez réessayer dans un instant.

## Verification (access to course material)
verify-needed =
    Le contenu des cours est réservé au personnel autorisé des services chargés de l’application de la loi.
    Une seule vérification suffit, de l’une des deux façons suivantes :
    1. Appuyez sur « Partager mon numéro de téléphone » ci-dessous, si votre numéro figure sur la liste du personnel autorisé.
    2. Ou envoyez le code d’invitation que vous a remis votre responsable de formation (par exemple IN-ABCD-EFGH-JKMN-PQRS).
verify-lapsed = Votre vérification n’est plus valable. Veuillez procéder à une nouvelle vérification pour continuer.
verify-expired = D’après la liste du personnel autorisé, votre accès a expiré. Veuillez contacter votre responsable de formation.
verify-share-phone = 📱 Partager mon numéro de téléphone
verify-success = ✅ Merci, votre vérification est confirmée. Tous les cours vous sont désormais accessibles.
verify-foreign-contact = Seul votre propre numéro de téléphone est pris en compte : veuillez utiliser le bouton « Partager mon numéro de téléphone » au lieu d’envoyer un contact.
verify-not-on-list = Ce numéro de téléphone ne figure pas sur la liste du personnel autorisé. Demandez un code d’invitation à votre responsable de formation.
verify-invalid-code = Ce code d’invitation n’est pas valide : il est peut-être mal saisi, déjà utilisé ou expiré.
verify-conflict = Cette entrée de la liste du personnel autorisé est déjà associée à un autre compte Telegram. Votre responsable de formation a reçu une notification et peut régler la situation.
verify-cooling-down = Trop de tentatives infructueuses. Veuillez réessayer à partir de { $time } (UTC).

## Roles and manager commands
role-required = Cette commande est réservée aux responsables de formation.
admin-required = Cette commande nécessite des droits d’administration.
command-invite = Créer un code d’invitation pour une entrée de la liste
command-unbind = Libérer une entrée de la liste associée à un compte
command-conflicts = Voir les entrées revendiquées par un second compte
command-grant-manager = Attribuer à un compte le rôle de responsable de formation
command-revoke-manager = Retirer le rôle de responsable de formation
command-mydata = Voir les données enregistrées vous concernant
command-deleteme = Supprimer votre compte et votre progression
invite-usage = Envoyez /invite suivi de l’identifiant de personnel, par exemple : /invite FR-0001
invite-created =
    Code d’invitation pour { $personnel } : { $code }
    Valable jusqu’au { $expires } (UTC), à usage unique. Remettez-le en main propre à la personne concernée ou transmettez-le par un canal sécurisé.
personnel-unknown = Aucune entrée { $personnel } ne figure sur la liste du personnel autorisé.
unbind-usage = Envoyez /unbind suivi de l’identifiant de personnel, par exemple : /unbind FR-0001
unbind-done = L’entrée { $personnel } n’est plus associée à aucun compte ; la personne concernée peut de nouveau effectuer la vérification.
unbind-nothing = L’entrée { $personnel } n’est associée à aucun compte.
conflicts-none = Aucun conflit d’association.
conflicts-list = Entrées revendiquées par un second compte (utilisez /unbind pour en libérer une) :
role-usage = Envoyez la commande suivie d’un identifiant utilisateur Telegram, par exemple : /grant_manager 123456789
role-granted = Le compte { $account } a désormais le rôle de responsable de formation.
role-revoked = Le compte { $account } n’a plus le rôle de responsable de formation.
role-unknown-account = Le compte { $account } n’a encore jamais utilisé le bot.

## Importing the approved-personnel list as a file
import-rejected = La liste a été rejetée ; rien n’a été modifié. Problèmes relevés ({ $count }) :
import-more-problems = … et { $count } de plus.
import-preview = Cette liste remplacerait la liste actuelle. Entrées ajoutées : { $added } ; mises à jour : { $updated } ; supprimées : { $removed } ; inchangées : { $unchanged }.
import-confirm = ✅ Confirmer
import-cancel = ✖️ Annuler
import-done = La liste du personnel autorisé a été remplacée. Entrées ajoutées : { $added } ; mises à jour : { $updated } ; supprimées : { $removed } ; inchangées : { $unchanged }.
import-cancelled = Importation annulée ; rien n’a été modifié.
import-not-csv = Envoyez la liste du personnel autorisé sous forme de fichier .csv.
import-too-large = Ce fichier est trop volumineux pour une liste de personnel (au maximum { $limit } Mo).

## Personal data
mydata-caption = Toutes les données que learnbot enregistre à votre sujet.
deleteme-confirm = Cette action efface votre compte, votre progression et vos réponses. Seules subsistent des entrées du journal d’audit dont les identifiants sont illisibles (hachés). Continuer ?
deleteme-yes = 🗑 Oui, tout supprimer
deleteme-no = Conserver mon compte
deleteme-done = Votre compte et votre progression ont été effacés. Envoyez /start si vous souhaitez recommencer un jour.
deleteme-kept = Rien n’a été supprimé.

## Quizzes
menu-review = 🔁 Révision ({ $count } en attente)
command-review = Réviser les questions en attente
command-verify = Vérifier un code de certificat
command-stats = Statistiques des cours
command-export = Progression de chaque personne en formation (CSV)
command-revoke-certificate = Révoquer un certificat
lesson-check = ✅ Vérifier mes acquis
final-quiz = 📝 Quiz final
quiz-title-lesson = Contrôle de la leçon
quiz-title-final = Quiz final : { $course }
quiz-title-review = Révision
quiz-progress = Question { $number } sur { $total }
quiz-choose-several = Sélectionnez toutes les bonnes réponses, puis appuyez sur Valider.
quiz-submit = Valider ✅
quiz-true = Vrai
quiz-false = Faux
quiz-correct = ✅ Bonne réponse.
quiz-wrong = ❌ Pas tout à fait.
quiz-answer-was = La bonne réponse :
quiz-explanation = Explication : { $text }
quiz-next = Question suivante ▶️
quiz-lesson-result = Bonnes réponses : { $correct } sur { $total }.
quiz-final-score = Résultat : { $correct } sur { $total } ({ $percent } %). Note de passage : { $pass } %.
quiz-passed = 🎉 Vous avez réussi.
quiz-failed = Vous n’avez pas réussi cette fois-ci.
quiz-time-up = ⏱ Temps écoulé : les questions sans réponse sont comptées comme fausses.
quiz-to-review = À revoir :
quiz-review-later = Les questions manquées vous seront de nouveau proposées dans /review.
quiz-review-done = Révision terminée. Bonnes réponses : { $correct } sur { $total }. Les prochaines révisions sont planifiées selon votre degré de maîtrise de chaque réponse.
quiz-retake-after = Vous pourrez repasser le quiz final à partir du { $time } (UTC).
quiz-no-attempts = Vous avez utilisé toutes les tentatives autorisées pour ce quiz final. Veuillez contacter votre responsable de formation.
quiz-nothing-due = Rien à réviser pour le moment. Les questions auxquelles vous répondez dans les quiz reviendront ici lorsqu’il sera temps de les réviser.
quiz-time-limit = Temps imparti : { $minutes } min.
quiz-stale = Cette question n’est plus disponible.
quiz-poll-hint = Répondez dans le sondage ci-dessus ; la question suivante s’affichera ensuite.
back-to-course = ◀️ Retour au cours

## Certificates
certificate-button = 📄 Certificat
certificate-caption = Certificat { $code } : { $course }
certificate-title = Certificat de fin de formation
certificate-code = Code de vérification : { $code }
certificate-verify-hint = Toute personne peut vérifier ce certificat : scannez le code ou envoyez ceci à { $bot } :
certificate-name-shown = Votre nom est visible des personnes qui vérifient ce certificat.
certificate-name-hidden = Votre nom n’est pas visible des personnes qui vérifient ce certificat.
certificate-show-name = 👁 Afficher mon nom lors des vérifications
certificate-hide-name = 🙈 Masquer mon nom
verify-usage = Envoyez /verify suivi du code du certificat, par exemple : /verify LB-ABCDE-12345
verify-valid = ✅ Certificat { $code } valide : « { $course } », délivré le { $date }.
verify-valid-holder = Titulaire : { $name }
verify-revoked = ⚠️ Le certificat { $code } (« { $course } », délivré le { $date }) a été révoqué.
verify-unknown = Aucun certificat ne porte le code { $code }.
revoke-certificate-usage = Envoyez /revoke_certificate suivi du code.
revoke-certificate-done = Le certificat { $code } est révoqué.
revoke-certificate-unknown = Aucun certificat valide ne porte le code { $code }.

## Statistics for managers
stats-none = –
stats-percent = { $value } %
stats-hardest = Questions les plus difficiles (moins de 100 % de bonnes réponses) :
stats-hard-question = { $percent } % de bonnes réponses ({ $answered -> 
    [one] { $answered } réponse
   *[other] { $answered } réponses
 }) : { $text }
export-caption = Progression de chaque personne en formation, une ligne par cours commencé.
