## Renforcement : limites contre les codes devinés, réponses sur les rôles, grandes listes.

verify-invites-paused = Trop de codes d’invitation erronés ont été reçus au cours de la dernière heure : les codes d’invitation sont suspendus jusqu’à { $time } (UTC). Vous pouvez toujours vous vérifier avec « Partager mon numéro de téléphone ».
import-rehashed = { $count ->
    [one] Une entrée était enregistrée sous une ancienne clé secrète : l’import la réécrit sous la clé actuelle.
   *[other] { $count } entrées étaient enregistrées sous une ancienne clé secrète : l’import les réécrit sous la clé actuelle.
}
