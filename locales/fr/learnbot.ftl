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
    Voici ce que vous pouvez faire :
    /start : accueil et menu principal
    /courses : parcourir les cours
    /continue : reprendre là où vous en étiez
    /language : changer de langue
    /help : afficher cette aide
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
access-denied = Vous devez d’abord faire l’objet d’une vérification pour pouvoir ouvrir les leçons.
