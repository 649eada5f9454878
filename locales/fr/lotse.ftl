# Lotse : les textes de l’interface en français.
# Chaque message doit exister dans les douze langues, avec les mêmes
# variables que dans le fichier allemand. Les noms des commandes (/help) et
# des variables ne sont pas traduits.

## Accueil et aide

start-greeting = Bienvenue sur Lotse !
start-about = Je trouve pour vous des offres, des publications et des contacts du réseau d’information et de conseil pour les administrations publiques (Kompetenzzentrum Pro Qualifizierung, réseau IQ).
start-how = Écrivez-moi simplement ce que vous cherchez, dans votre langue. Par exemple :
example-recognition = équivalence de diplôme
example-contact = numéro de téléphone de la personne à contacter
example-training = formation interculturelle
start-categories = Ou choisissez une catégorie :

help-title = Comment Lotse vous aide
help-search = Écrivez une question ou quelques mots-clés. Je vous montre les entrées correspondantes ; avec « Détails », vous voyez tout sur une entrée.
help-commands = Commandes :
help-examples = Exemples de questions :

## Commandes (pour le menu et /help)

command-start = Accueil et aperçu
command-language = Choisir la langue
command-help = Aide et exemples
command-offers = Offres du réseau
command-publications = Publications
command-contacts = Contacts
command-about = À propos du réseau et du centre de compétences

## Langue

language-choose = Veuillez choisir votre langue.
language-set = Désormais, je vous répondrai en français.
language-detected = Vous avez écrit en français, je vous réponds donc en français.
button-switch-language = Toujours répondre en français

## Catégories et types d’entrées

category-offers = Offres
category-publications = Publications
category-contacts = Contacts
category-about = À propos
kind-offer = Offre
kind-publication = Publication
kind-contact = Contact
kind-organisation = Organisation
kind-link = Lien
browse-title = { $category } : { $count ->
    [one] { $count } entrée
    [many] { $count } d’entrées
   *[other] { $count } entrées
}

## Recherche

results-title = { $count ->
    [one] J’ai trouvé { $count } entrée :
    [many] J’ai trouvé { $count } d’entrées :
   *[other] J’ai trouvé { $count } entrées :
}
results-page = Page { $page } sur { $pages }
button-details = Détails
button-more = Plus de résultats
button-previous = Page précédente
button-menu = Menu
feedback-question = Cette réponse vous a-t-elle été utile ?
feedback-thanks = Merci pour votre retour !
no-results = Désolé, je n’ai rien trouvé à ce sujet.
no-results-try = Essayez avec d’autres mots, ou parcourez les catégories.
no-results-contact = Vous pouvez aussi contacter directement le réseau :
no-results-portal = Le portail officiel sur ce sujet :
results-related = Ces entrées pourraient avoir un lien avec votre question :

## Détails d’une entrée

detail-german-only = Cette partie n’est disponible qu’en allemand.
detail-series = Série
detail-issue = Numéro
detail-year = Année
detail-publisher = Éditeur
detail-place = Lieu
detail-date = Date
detail-target-groups = Pour
detail-person = Personne à contacter
detail-role = Fonction
detail-organisation = Organisation
detail-address = Adresse
detail-phone = Téléphone
detail-fax = Fax
detail-email = E-mail
detail-website = Site web
detail-link = Lien
detail-contact = Personne à contacter
detail-related = Voir aussi
button-save-contact = Enregistrer comme contact
button-open-website = Ouvrir le site web

## Ce qui ne convient pas

unknown-command = Je ne connais pas cette commande. Avec /help, vous voyez ce que je sais faire.
text-only = Je ne peux lire que du texte. Veuillez m’envoyer votre question sous forme de message.
stale-button = Ce bouton n’est plus à jour. Posez simplement votre question à nouveau.
not-your-button = Ce bouton appartient à la demande de quelqu’un d’autre. Posez votre propre question et vous aurez vos propres boutons.
empty-query = Écrivez-moi ce que vous cherchez, par exemple « équivalence » ou « contact ».
rate-limited = Vous venez de m’envoyer un très grand nombre de messages. Je répondrai aux suivants après une courte pause ; veuillez alors renvoyer votre question.
answer-failed = Désolé, un problème est survenu avec cette réponse. Veuillez réessayer dans un instant.

## Chat dans le terminal

chat-choose = Tapez le numéro d’un bouton pour appuyer dessus.
chat-bye = Au revoir !
chat-no-button = { $count ->
    [0] Il n’y a pas de bouton { $number } ici. Écrivez votre question avec des mots.
   *[other] Il n’y a pas de bouton { $number } ici. Tapez un numéro de 1 à { $count }, ou écrivez votre question avec des mots.
}
chat-see-above = Les choix ci-dessus restent valables : tapez l’un de leurs numéros.

## Protection des données et suppression

command-privacy = Ce que Lotse enregistre
command-forget = Supprimer mes données
privacy-title = Protection des données chez Lotse
privacy-what = Lotse enregistre la langue que vous avez choisie et ce que vous cherchez : le texte de la recherche, le nombre de résultats et vos évaluations avec 👍 ou 👎.
privacy-who = Votre identifiant Telegram n’est jamais enregistré en clair, seulement sous forme de pseudonyme, à partir duquel il est impossible de le retrouver. Dans les groupes, Lotse n’enregistre que les messages adressés à Lotse.
privacy-why = Les personnes qui s’occupent de Lotse voient ainsi ce que les gens cherchent et ce qui manque encore.
privacy-how-long = { $days ->
    [one] Tout est supprimé après { $days } jour.
    [many] Tout est supprimé après { $days } de jours.
   *[other] Tout est supprimé après { $days } jours.
}
privacy-forget = Avec /forget, vous supprimez immédiatement tout ce que Lotse a enregistré sur vous.
forget-confirm = Voulez-vous que Lotse supprime maintenant votre langue, vos recherches et vos évaluations ?
button-forget-yes = Oui, tout supprimer
button-forget-no = Annuler
forget-done = C’est fait : Lotse a supprimé tout ce qu’il avait enregistré sur vous.
forget-cancelled = D’accord, rien n’a été supprimé.
forget-failed = Lotse n’a pas pu supprimer vos données pour le moment. Il continue d’essayer de lui-même et les supprimera dès que possible. Pour en être sûr, renvoyez /forget plus tard.

## Pour les administratrices et administrateurs

admin-stats = { $days ->
    [one] Sur { $days } jour – recherches : { $queries }, dont sans résultat : { $zero } ; évaluations : { $feedback }.
    [many] Sur { $days } de jours – recherches : { $queries }, dont sans résultat : { $zero } ; évaluations : { $feedback }.
   *[other] Sur { $days } jours – recherches : { $queries }, dont sans résultat : { $zero } ; évaluations : { $feedback }.
}
admin-top-gaps = Recherches sans résultat les plus fréquentes :
admin-reload-done = La base de connaissances a été rechargée. Nombre d’entrées : { $entries }.
admin-reload-failed = La base de connaissances contient des erreurs et n’a pas été rechargée ; la version précédente reste active. Erreurs : { $errors }
admin-reload-refused = La base de connaissances n’a pas été rechargée : le dossier ne contiendrait plus que { $after } entrées au lieu de { $before } ; la version précédente reste active. Si c’est voulu, envoyez /reload force.

## La page web

web-title = Lotse – votre guide vers les offres, publications et contacts
web-question = Votre question
web-ask = Demander
web-languages = Langue
web-skip = Aller au contenu
web-answer = Réponse
web-privacy = Protection des données
web-forget = Supprimer mes données
web-not-found = Cette page n’existe pas. Tapez simplement votre question dans le champ de recherche ci-dessus.
web-too-long = Votre question est trop longue. Merci de la formuler en quelques phrases.
web-case = Votre échange avec les conseillers
web-message = Votre message aux conseillers
web-send = Envoyer
web-message-empty = Veuillez d'abord écrire un message.
admin-title = Lotse : administration
admin-token = Jeton d’administration
admin-login = Se connecter
admin-needs-token = Cette page est destinée aux personnes qui s’occupent de Lotse. Veuillez vous connecter avec le jeton d’administration.
admin-wrong-token = Ce jeton n’est pas correct.
admin-disabled = La page d’administration est désactivée, car aucun jeton d’administration (LOTSE_ADMIN_TOKEN) n’est configuré.
admin-coverage = Traductions de la base de connaissances
admin-coverage-language = Langue
admin-coverage-complete = Entrées complètes
admin-reload = Rechargement
admin-reload-last = Dernier rechargement : { $when }
admin-reload-never = La base de connaissances n’a pas été rechargée depuis le démarrage.
admin-reload-button = Recharger la base de connaissances maintenant
admin-reload-force = Charger même si plus de la moitié des entrées disparaissent
report-title = Lotse : ce que les gens ont demandé, derniers { $period }
report-summary = { $queries } requêtes, { $zero } sans résultat ({ $share } %), { $ratings } évaluations. Temps de réponse p50 { $p50 } µs, p90 { $p90 } µs, p99 { $p99 } µs.
report-per-day = Requêtes par jour et par langue
report-per-day-max = { $max } par jour
report-share = Part des requêtes sans résultat
report-share-label = { $share } % sans résultat
report-gaps = Requêtes sans résultat les plus fréquentes : ce qui manque aux connaissances
report-no-queries = Aucune requête pendant cette période.
report-no-gaps = Chaque requête a trouvé quelque chose.
report-per-lang = Requêtes par langue
report-top = Requêtes les plus fréquentes
report-feedback = Évaluations par entrée
report-col-language = Langue
report-col-queries = Requêtes
report-col-query = Requête
report-col-count = Nombre
report-col-entry = Entrée

## The handover to a counsellor (/counsellor)
command-counsellor = Parler à une conseillère ou un conseiller du réseau
button-counsellor = 💬 Parler à un conseiller
handover-private-only = Parler à un conseiller n'est possible que dans une discussion privée avec Lotse. Écrivez-moi /counsellor là-bas.
handover-unavailable = Les conseillers ne sont pas joignables pour le moment. Veuillez réessayer plus tard ou contacter directement le réseau (/contacts).
handover-consent-title = Parler à un conseiller
handover-consent-shared = Si vous acceptez, l'équipe de conseil du réseau voit votre question, votre langue, vos recherches dans cette conversation et tout ce que vous envoyez tant que le dossier est ouvert (photos et documents compris). Elle ne voit ni votre nom ni votre identifiant Telegram, sauf si vous écrivez vous-même vos coordonnées.
handover-consent-shared-web = Si vous acceptez, les conseillers du réseau voient votre question, votre langue, vos recherches pendant cette visite et tout ce que vous écrivez tant que le dossier est ouvert. Ils ne voient pas qui vous êtes, sauf si vous écrivez vous-même vos coordonnées.
handover-consent-kept = { $days ->
    [one] Lotse ne garde sur votre dossier que des numéros et des heures, aucun texte, et le supprime un jour après sa clôture ; avec /forget tout de suite, aussi dans la discussion de l'équipe.
   *[other] Lotse ne garde sur votre dossier que des numéros et des heures, aucun texte, et le supprime { $days } jours après sa clôture ; avec /forget tout de suite, aussi dans la discussion de l'équipe.
}
handover-consent-emergency = Ce n'est pas un service d'urgence. En cas d'urgence, appelez le 112 (secours, pompiers) ou le 110 (police).
button-consent-yes = ✅ Oui, me mettre en contact
button-consent-no = Non, merci
handover-declined = D'accord, rien n'a été transmis.
handover-opened = Votre dossier n° { $case } est ouvert. Écrivez votre question ici : tout ce que vous envoyez maintenant va à l'équipe de conseil, photos et documents compris. Les commandes comme /help fonctionnent toujours.
handover-opened-web = Votre dossier n° { $case } est ouvert. Écrivez votre question ci-dessous, dans le champ destiné aux conseillers. Les réponses s'affichent sur cette page ; le site ne peut pas transmettre de photos ni de fichiers.
handover-status = Votre dossier n° { $case } est ouvert.
handover-routing-counsellor = Vos messages vont à l'équipe de conseil.
handover-routing-search = Lotse recherche désormais vos messages ; les réponses de l'équipe vous parviennent toujours ici.
button-write-counsellor = 💬 Écrire au conseiller
button-search-instead = 🔎 Demander plutôt à Lotse
button-end-case = ✖ Clore le dossier
handover-received = Merci, votre message est bien arrivé à l'équipe de conseil.
handover-expect-open = { $hours ->
    [one] L'équipe est au travail et répond en général dans l'heure.
   *[other] L'équipe est au travail et répond en général dans les { $hours } heures.
}
handover-expect-closed = L'équipe n'est pas au travail en ce moment. Vous aurez une réponse à partir de { $day }, { $opens } h (horaires { $opens } h à { $closes } h, heure allemande).
handover-expect-later = L'équipe répondra dès son retour.
weekday-1 = lundi
weekday-2 = mardi
weekday-3 = mercredi
weekday-4 = jeudi
weekday-5 = vendredi
weekday-6 = samedi
weekday-7 = dimanche
handover-no-case = Vous n'avez pas de dossier ouvert. /counsellor en ouvre un.
handover-closed = Votre dossier n° { $case } est clos. Merci ! Lotse répond de nouveau à vos messages ; /counsellor ouvre un nouveau dossier.
handover-from-counsellor = 💬 Réponse d'un conseiller (dossier n° { $case }) :
handover-not-delivered = Votre message n'a pas pu être transmis à l'équipe de conseil pour le moment. Veuillez le renvoyer plus tard.
handover-web-file = Le conseiller a envoyé un fichier (une photo ou un document) que seul Telegram peut afficher. Demandez-lui de l'écrire ici sous forme de texte.
handover-consent-web-kept = Sur le site, les réponses des conseillers qui vous sont destinées sont conservées chiffrées pour que votre page puisse les afficher, et supprimées avec le dossier.
privacy-handover = { $days ->
    [one] Si vous acceptez avec /counsellor de parler à un conseiller, l'équipe voit votre question, votre langue, vos recherches et ce que vous envoyez dans le dossier. Lotse ne garde pour cela que votre pseudonyme, des numéros et des heures, et votre identifiant de discussion seulement chiffré et seulement tant que le dossier est ouvert. Les dossiers clos sont supprimés après un jour, avec /forget tout de suite, aussi dans la discussion de l'équipe.
   *[other] Si vous acceptez avec /counsellor de parler à un conseiller, l'équipe voit votre question, votre langue, vos recherches et ce que vous envoyez dans le dossier. Lotse ne garde pour cela que votre pseudonyme, des numéros et des heures, et votre identifiant de discussion seulement chiffré et seulement tant que le dossier est ouvert. Les dossiers clos sont supprimés après { $days } jours, avec /forget tout de suite, aussi dans la discussion de l'équipe.
}
privacy-handover-web = Sur le site, Lotse conserve chiffrées les réponses des conseillers qui vous sont destinées, pour que votre page puisse les afficher ; elles sont supprimées avec le dossier. C'est le seul texte de message que Lotse conserve.

## For the staff chat (always shown in German)
staff-no-category = Général
staff-card-title = Dossier n° { $case }
staff-topic-again = Le sujet de ce dossier avait été supprimé et a été recréé.
staff-card-lang = Langue
staff-card-question = Question
staff-card-no-question = pas encore ; les messages de la personne suivent
staff-card-searches = Recherches de cette conversation et entrées affichées :
staff-card-nothing-shown = rien trouvé
staff-card-how = Répondez simplement dans ce sujet : votre message va à la personne. /note … reste interne, /close clôt le dossier, /cases liste tous les dossiers ouverts.
staff-lang = { $code ->
    [de] allemand
    [en] anglais
    [ar] arabe
    [fa] persan
    [ps] pachto
    [tr] turc
    [kmr] kurde (kurmandji)
    [ru] russe
    [uk] ukrainien
    [pl] polonais
    [ro] roumain
    [fr] français
   *[other] { $code }
} ({ $code })
staff-closed-by-user = La personne a clos le dossier.
staff-user-unreachable = La personne n'est plus joignable (elle a bloqué Lotse). Le dossier est clos ; la dernière réponse n'a pas été remise.
staff-not-delivered = Ce dossier est clos : le message n'a pas été remis.
staff-already-closed = Ce dossier est déjà clos.
staff-card-door = Canal
staff-door = { $door ->
    [web] Site web
   *[other] Telegram
}
staff-web-visitor = Message via le site :
staff-web-text-only = Cette personne écrit via le site et n'y voit que du texte : Lotse ne peut pas lui montrer de photos ni de fichiers. Merci d'écrire l'essentiel sous forme de texte.
staff-cases-title = { $count ->
    [0] Aucun dossier ouvert.
    [one] Un dossier ouvert :
   *[other] { $count } dossiers ouverts :
}
staff-case-open = ouvert depuis { $age }
staff-unanswered = attend une réponse depuis { $age }
staff-age-minutes = { $minutes } min
staff-age-hours = { $hours } h
