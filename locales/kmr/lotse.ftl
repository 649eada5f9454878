# Lotse: nivîsên navrûyê bi Kurmancî.
# Her peyam di hemû diwanzdeh zimanan de heye, bi heman guherbarên pelê
# Almanî. Navên fermanan (/help) û guherbar nayên wergerandin.

## Bixêrhatin û alîkarî

start-greeting = Hûn bi xêr hatin Lotse!
start-about = Ez ji bo we pêşniyar, weşan û têkiliyên Tora Agahî û Şêwirdariyê ya Rêveberiyên Giştî (Kompetenzzentrum Pro Qualifizierung, tora IQ) dibînim.
start-how = Tenê bi zimanê xwe ji min re binivîsin ka hûn li çi digerin. Wek mînak:
example-recognition = naskirina dîplomayê
example-contact = hejmara telefonê ya kesa têkiliyê
example-training = perwerdehiya navçandî
start-categories = An jî kategoriyekê hilbijêrin:

help-title = Lotse çawa alîkariya we dike
help-search = Pirsekê an çend peyvên sereke binivîsin. Ez tomarên guncav nîşanî we didim; bi “Hûrgilî” hûn her tiştê derbarê tomarekê de dibînin.
help-commands = Ferman:
help-examples = Mînakên pirsan:

## Ferman (ji bo menûyê û /help)

command-start = Bixêrhatin û nêrîna giştî
command-language = Zimên hilbijêrin
command-help = Alîkarî û mînak
command-offers = Pêşniyarên torê
command-publications = Weşan
command-contacts = Têkilî
command-about = Derbarê torê û navenda pisporiyê de

## Ziman

language-choose = Ji kerema xwe zimanê xwe hilbijêrin.
language-set = Ji niha û pê ve ez ê bi Kurmancî bersiva we bidim.

## Kategorî û cureyên tomaran

category-offers = Pêşniyar
category-publications = Weşan
category-contacts = Têkilî
category-about = Derbarê me de
kind-offer = Pêşniyar
kind-publication = Weşan
kind-contact = Têkilî
kind-organisation = Rêxistin
kind-link = Girêdan
browse-title = { $category }: { $count ->
    [one] tomarek
   *[other] { $count } tomar
}

## Lêgerîn

results-title = { $count ->
    [one] Min tomarek dît:
   *[other] Min { $count } tomar dîtin:
}
results-page = Rûpel { $page } ji { $pages }
button-details = Hûrgilî
button-more = Encamên din
button-back = Paşve
feedback-question = Ev bersiv ji we re bi kêr hat?
feedback-thanks = Spas ji bo nêrîna we!
no-results = Mixabin, min li ser vê yekê tiştek nedît.
no-results-try = Bi peyvên din biceribînin, an li kategoriyan binêrin.
no-results-contact = Hûn dikarin rasterast bi torê re jî têkilî daynin:

## Hûrgiliyên tomarekê

detail-german-only = Ev beş tenê bi Almanî heye.
detail-series = Rêze
detail-issue = Hejmar
detail-year = Sal
detail-publisher = Weşanger
detail-place = Cih
detail-date = Dîrok
detail-target-groups = Ji bo
detail-person = Kesê têkiliyê
detail-role = Erk
detail-organisation = Rêxistin
detail-address = Navnîşan
detail-phone = Telefon
detail-fax = Faks
detail-email = E-name
detail-website = Malper
detail-link = Girêdan
detail-contact = Kesê têkiliyê
detail-related = Herwiha binêrin
button-save-contact = Wek têkilî tomar bikin
button-open-website = Malperê vekin

## Tiştên ku li hev nayên

unknown-command = Ez vê fermanê nas nakim. Bi /help hûn dibînin ka ez çi dikarim bikim.
text-only = Ez tenê dikarim nivîsê bixwînim. Ji kerema xwe pirsa xwe wek peyamekê ji min re binivîsin.
stale-button = Ev bişkok êdî ne derbasdar e. Ji kerema xwe dîsa bipirsin.
empty-query = Ji min re binivîsin ka hûn li çi digerin, wek mînak “naskirin” an “têkilî”.

## Sohbeta termînalê

chat-choose = Ji bo pêlêkirina bişkokekê, hejmara wê binivîsin.
chat-bye = Bi xatirê we!
