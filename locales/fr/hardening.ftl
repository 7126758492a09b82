## Renforcement : limites contre les codes devinés, réponses sur les rôles, grandes listes.

verify-invites-paused = Trop de codes d’invitation erronés ont été reçus au cours de la dernière heure : les codes d’invitation sont suspendus jusqu’à { $time } (UTC). Vous pouvez toujours vous vérifier avec « Partager mon numéro de téléphone ».
import-rehashed = { $count ->
    [one] Une entrée était enregistrée sous une ancienne clé secrète : l’import la réécrit sous la clé actuelle.
   *[other] { $count } entrées étaient enregistrées sous une ancienne clé secrète : l’import les réécrit sous la clé actuelle.
}
role-admin-by-settings = Le compte { $account } est administrateur (LEARNBOT_ADMIN_IDS dans la configuration), ce qui comprend toutes les commandes de responsable de formation. Seule une modification de la configuration peut le lui retirer.
certificate-lookups-limit = Vous avez vérifié de nombreux codes de certificat en peu de temps. Veuillez réessayer dans une minute.
