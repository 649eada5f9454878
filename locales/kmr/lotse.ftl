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
language-detected = We bi Kurmancî nivîsî, ji ber vê yekê ez bi Kurmancî bersiv didim.
button-switch-language = Her tim bi Kurmancî bersiv bide

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
button-previous = Rûpela berê
button-menu = Menû
feedback-question = Ev bersiv ji we re bi kêr hat?
feedback-thanks = Spas ji bo nêrîna we!
no-results = Mixabin, min li ser vê yekê tiştek nedît.
no-results-try = Bi peyvên din biceribînin, an li kategoriyan binêrin.
no-results-contact = Hûn dikarin rasterast bi torê re jî têkilî daynin:
no-results-portal = Portala fermî ya li ser vê mijarê:
results-related = Dibe ku ev tomar bi pirsa we re têkildar bin:

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
not-your-button = Ev bişkok ya daxwaza kesekî din e. Pirsa xwe bipirsin, hingê hûn ê bişkokên xwe bistînin.
empty-query = Ji min re binivîsin ka hûn li çi digerin, wek mînak “naskirin” an “têkilî”.
rate-limited = We niha gelek peyam ji min re şandin. Piştî navberek kurt ez ê bersiva yên din bidim; ji kerema xwe wê demê pirsa xwe dîsa bişînin.
answer-failed = Bibore, di vê bersivê de tiştek çewt çû. Ji kerema xwe piştî demekê dîsa biceribînin.

## Sohbeta termînalê

chat-choose = Ji bo pêlêkirina bişkokekê, hejmara wê binivîsin.
chat-bye = Bi xatirê we!
chat-no-button = { $count ->
    [0] Li vir bişkoka { $number } tune. Ji kerema xwe pirsa xwe bi peyvan binivîsin.
   *[other] Li vir bişkoka { $number } tune. Hejmarekê ji 1 heta { $count } binivîsin, an pirsa xwe bi peyvan binivîsin.
}
chat-see-above = Bijardeyên li jor hîn derbasdar in: yek ji hejmarên wan binivîsin.

## Parastina daneyan û jêbirin

command-privacy = Lotse çi tomar dike
command-forget = Daneyên min jê bibin
privacy-title = Parastina daneyan li Lotse
privacy-what = Lotse zimanê ku we hilbijartiye û tiştê ku hûn lê digerin tomar dike: nivîsa lêgerînê, hejmara encaman û nirxandinên we bi 👍 an 👎.
privacy-who = Nasnameya we ya Telegramê tu carî bi eşkereyî nayê tomarkirin, tenê wek pseudonîmekê (navekî din) tê tomarkirin, ku nasnameya we ji wê nayê vegerandin. Di koman de Lotse tenê peyamên ku ji Lotse re hatine nivîsîn tomar dike.
privacy-why = Bi vî awayî kesên ku Lotse dimeşînin dibînin ka mirov li çi digerin û çi hîn kêm e.
privacy-how-long = { $days ->
    [one] Hemû dane piştî rojekê tên jêbirin.
   *[other] Hemû dane piştî { $days } rojan tên jêbirin.
}
privacy-forget = Bi /forget hûn her tiştê ku Lotse derbarê we de tomar kiriye yekser jê dibin.
forget-confirm = Bila Lotse niha zimanê we, lêgerînên we û nirxandinên we jê bibe?
button-forget-yes = Erê, her tiştî jê bibin
button-forget-no = Betal bikin
forget-done = Qediya: Lotse her tiştê ku derbarê we de tomar kiribû jê bir.
forget-cancelled = Baş e, tiştek nehat jêbirin.
forget-failed = Lotse niha nikarîbû daneyên we jê bibe. Ew bi xwe hewl dide û gava ku bibe wan jê dibe. Ji bo ku hûn piştrast bin, paşê dîsa /forget bişînin.

## Ji bo rêvebiran

admin-stats = { $days ->
    [one] Roja dawî: { $queries } lêgerîn, ji wan { $zero } bê encam; { $feedback } nirxandin.
   *[other] { $days } rojên dawî: { $queries } lêgerîn, ji wan { $zero } bê encam; { $feedback } nirxandin.
}
admin-top-gaps = Lêgerînên bê encam ên ku herî pir caran hatine kirin:
admin-reload-done = Bingeha zanînê ji nû ve hat barkirin: { $entries } tomar.
admin-reload-failed = Di bingeha zanînê de çewtî hene û ew ji nû ve nehat barkirin; guhertoya berê çalak dimîne. Çewtî: { $errors }
admin-reload-refused = Bingeha zanînê ji nû ve nehat barkirin: di peldankê de li şûna { $before } tenê { $after } tomar dê bimana; guhertoya berê çalak dimîne. Heke ev bi mebest e, /reload force bişînin.

## Rûpela webê

web-title = Lotse – rêberê we ber bi pêşkêşî, weşan û têkiliyan ve
web-question = Pirsa we
web-ask = Bipirsin
web-languages = Ziman
web-skip = Here naverokê
web-answer = Bersiv
web-privacy = Parastina daneyan
web-forget = Daneyên min jê bibe
web-not-found = Ev rûpel tune ye. Bi tenê pirsa xwe li qada lêgerînê ya jorîn binivîsin.
web-too-long = Pirsa we pir dirêj e. Ji kerema xwe wê bi çend hevokan binivîsin.
web-case = Axaftina te bi tîma şêwirmendiyê re
web-message = Peyama te ji tîma şêwirmendiyê re
web-send = Bişîne
web-message-empty = Ji kerema xwe pêşî peyamekê binivîse.
admin-title = Lotse: rêveberî
admin-token = Tokena rêveberiyê
admin-login = Têkevin
admin-needs-token = Ev rûpel ji bo kesên ku Lotse diparêzin e. Ji kerema xwe bi tokena rêveberiyê têkevin.
admin-wrong-token = Ev token ne rast e.
admin-disabled = Rûpela rêveberiyê girtî ye, ji ber ku tu tokena rêveberiyê (LOTSE_ADMIN_TOKEN) nehatiye sazkirin.
admin-coverage = Wergerên bingeha zanînê
admin-coverage-language = Ziman
admin-coverage-complete = Tomarên temam
admin-reload = Ji nû ve barkirin
admin-reload-last = Cara dawî ji nû ve hat barkirin: { $when }
admin-reload-never = Ji destpêkê ve bingeha zanînê ji nû ve nehatiye barkirin.
admin-reload-button = Niha bingeha zanînê ji nû ve bar bike
admin-reload-force = Bar bike, heke ji nîvî zêdetir tomar winda bibin jî
report-title = Lotse: mirovan çi pirsî, { $period } dawî
report-summary = { $queries } pirs, { $zero } bê encam ({ $share } %), { $ratings } nirxandin. Dema bersivê p50 { $p50 } µs, p90 { $p90 } µs, p99 { $p99 } µs.
report-per-day = Pirs di rojê de li gorî zimanan
report-per-day-max = { $max } di rojê de
report-share = Para pirsên bê encam
report-share-label = { $share } % bê encam
report-gaps = Pirsên bê encam ên herî pir: tiştê ku di zanînê de kêm e
report-no-queries = Di vê demê de tu pirs tune bûn.
report-no-gaps = Her pirsê tiştek dît.
report-per-lang = Pirs li gorî zimanan
report-top = Pirsên herî pir
report-feedback = Nirxandin li gorî tomaran
report-col-language = Ziman
report-col-queries = Pirs
report-col-query = Pirs
report-col-count = Hejmar
report-col-entry = Tomar

## The handover to a counsellor (/counsellor)
command-counsellor = Bi şêwirmendekî torê re biaxive
button-counsellor = 💬 Bi şêwirmendekî re biaxive
handover-private-only = Axaftina bi şêwirmendekî re tenê di sohbeta taybet a bi Lotse re pêkan e. Li wir ji min re /counsellor binivîse.
handover-unavailable = Niha negihîştina şêwirmendan pêkan nîne. Ji kerema xwe paşê dîsa biceribîne an rasterast bi torê re têkilî dayne (/contacts).
handover-consent-title = Bi şêwirmendekî re biaxive
handover-consent-shared = Heke tu qebûl bikî, tîma şêwirmendiyê ya torê pirsa te, zimanê te, lêgerînên te yên di vê sohbetê de û her tiştê ku tu heta doz vekirî ye dişînî (wêne û belge jî) dibîne. Navê te û nasnameya te ya Telegramê nabîne, heke tu bi xwe agahiyên têkiliyê nenivîsî.
handover-consent-shared-web = Heke tu qebûl bikî, tîma şêwirmendiyê ya torê pirsa te, zimanê te, lêgerînên te yên di vê serdanê de û her tiştê ku tu dinivîsî heta ku doz vekirî be dibîne. Ew nabînin tu kî yî, heke tu bi xwe agahiyên têkiliyê nenivîsî.
handover-consent-kept = Lotse bi xwe li ser doza te tenê hejmar û dem tomar dike, ne nivîs, û piştî girtinê { $days } roj şûnde jê dibe; bi /forget yekser, di sohbeta tîma şêwirmendiyê de jî.
handover-consent-emergency = Ev ne xizmeta acîl e. Di rewşeke acîl de li 112 (ambulans, agirkujî) an 110 (polîs) bigere.
button-consent-yes = ✅ Erê, min bi şêwirmendekî ve girê bide
button-consent-no = Na, spas
handover-declined = Baş e, tiştek nehat parvekirin.
handover-opened = Doza te ya hejmar { $case } vebû. Pirsa xwe li vir binivîse: her tiştê ku tu niha dişînî, wêne û belge jî, diçe tîma şêwirmendiyê. Fermanên wek /help hê jî dixebitin.
handover-opened-web = Doza te ya hejmar { $case } vebû. Pirsa xwe li jêr, di qada ji bo tîma şêwirmendiyê de binivîse. Bersiv li ser vê rûpelê xuya dibin; malper nikare wêne an pelan bişîne.
handover-status = Doza te ya hejmar { $case } vekirî ye.
handover-routing-counsellor = Peyamên te diçin tîma şêwirmendiyê.
handover-routing-search = Niha Lotse li peyamên te digere; bersivên tîmê hê jî li vir digihîjin te.
button-write-counsellor = 💬 Ji şêwirmend re binivîse
button-search-instead = 🔎 Li şûna wê ji Lotse bipirse
button-end-case = ✖ Dozê biqedîne
handover-received = Spas, peyama te gihîşt tîma şêwirmendiyê.
handover-expect-open = Tîm niha li ser kar e û bi gelemperî di nav { $hours } saetan de bersiv dide.
handover-expect-closed = Tîm niha ne li ser kar e. Tu ê ji { $day }, saet { $opens }:00 û pê ve bersivê bistînî (demên kar { $opens }:00 heta { $closes }:00, dema Almanyayê).
handover-expect-later = Tîm dê bersiv bide gava ku vegere ser kar.
weekday-1 = Duşem
weekday-2 = Sêşem
weekday-3 = Çarşem
weekday-4 = Pêncşem
weekday-5 = În
weekday-6 = Şemî
weekday-7 = Yekşem
handover-no-case = Niha doza te ya vekirî tune. /counsellor dozekê vedike.
handover-closed = Doza te ya hejmar { $case } hat girtin. Spas! Niha dîsa Lotse bersiva peyamên te dide; /counsellor dozeke nû vedike.
handover-from-counsellor = 💬 Bersiva şêwirmendekî (doza hejmar { $case }):
handover-not-delivered = Peyama te niha negihîşt tîma şêwirmendiyê. Ji kerema xwe paşê dîsa bişîne.
handover-web-file = Şêwirmend pelek (wêne an belge) şand ku tenê Telegram dikare nîşan bide. Jê bixwaze ku wê li vir wek nivîs binivîse.
handover-consent-web-kept = Li ser malperê, bersivên tîma şêwirmendiyê ji te re bi şîfre têne tomarkirin da ku rûpela te wan nîşan bide, û bi dosyayê re têne jêbirin.
privacy-handover = Heke tu bi /counsellor axaftina bi şêwirmendekî re qebûl bikî, tîm pirsa te, zimanê te, lêgerînên te û tiştên ku tu di dozê de dişînî dibîne. Lotse ji bo vê tenê navê te yê veşartî, hejmar û deman tomar dike, nasnameya sohbetê jî tenê şîfrekirî û tenê heta doz vekirî be. Dozên girtî piştî { $days } rojan têne jêbirin, bi /forget yekser, di sohbeta tîma şêwirmendiyê de jî.
privacy-handover-web = Li ser malperê, Lotse bersivên tîma şêwirmendiyê ji te re bi şîfre tomar dike da ku rûpela te wan nîşan bide; ew bi dosyayê re têne jêbirin. Ev tenê nivîsa peyamê ye ku Lotse tomar dike.

## For the staff chat (always shown in German)
staff-no-category = Giştî
staff-card-title = Doza hejmar { $case }
staff-topic-again = Mijara vê dozê hatibû jêbirin û ji nû ve hat vekirin.
staff-card-lang = Ziman
staff-card-question = Pirs
staff-card-no-question = hê tune; peyamên kesê dê werin
staff-card-searches = Lêgerînên di vê sohbetê de û tiştên hatine nîşandan:
staff-card-nothing-shown = tiştek nehat dîtin
staff-card-how = Tenê di vê mijarê de bersiv bide: peyama te diçe kesê. /note … navxweyî dimîne, /close dozê digire, /cases hemû dozên vekirî nîşan dide.
staff-lang = { $code ->
    [de] Almanî
    [en] Îngilîzî
    [ar] Erebî
    [fa] Farisî
    [ps] Peştûyî
    [tr] Tirkî
    [kmr] Kurdî (Kurmancî)
    [ru] Rûsî
    [uk] Ukraynî
    [pl] Polonî
    [ro] Romanyayî
    [fr] Fransî
   *[other] { $code }
} ({ $code })
staff-closed-by-user = Kesê doz qedand.
staff-user-unreachable = Êdî negihîştina kesê pêkan nîne (Lotse asteng kir). Doz hat girtin; bersiva dawî negihîşt.
staff-not-delivered = Ev doz girtî ye: peyam negihîşt.
staff-already-closed = Ev doz jixwe girtî ye.
staff-card-door = Kanal
staff-door = { $door ->
    [web] Malper
   *[other] Telegram
}
staff-web-visitor = Peyam bi rêya malperê:
staff-web-text-only = Ev kes bi rêya malperê dinivîse û li wir tenê nivîsê dibîne: Lotse nikare wêne an pelan nîşanî wî/wê bide. Ji kerema xwe tiştên girîng wek nivîs binivîsin.
staff-cases-title = { $count ->
    [0] Doza vekirî tune.
   *[other] Dozên vekirî: { $count }
}
staff-case-open = ji { $age } ve vekirî
staff-unanswered = ji { $age } ve li benda bersivê ye
staff-age-minutes = { $minutes } deq.
staff-age-hours = { $hours } saet
