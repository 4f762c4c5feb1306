/** Everyday words for composing free text, so the model meets ordinary language far beyond the fixed phrases. */

export const EN_WORDS = ('the a an and or but if then so because when while where what who why how which this that these those i you he she we they it me him her us them my your ' +
  'his its our their is are was were be been being have has had do does did will would can could should may might must not no yes all any some every each more most less ' +
  'few many much very really just also too only still even again already soon now today tomorrow yesterday here there up down in on at to from by with without about for of ' +
  'into over under after before between through order select union table drop update delete insert from where join sleep ping cat echo find list print run exec shell script ' +
  'alert window document file path folder home root admin user users password login sign account email phone address name city street price cost pay paid money card ' +
  'bank shop store buy bought sell sold cheap expensive free delivery shipping parcel package box item product size colour color red blue green black white small big ' +
  'large medium new old good bad great nice fine happy sad love like want need get got make made take took give gave go went come came see saw know think say said tell ' +
  'ask call text message meet meeting work job school class teacher student book read write send sent receive week month year day night morning evening time minute hour ' +
  'friend family mum dad mom kids baby dog cats car bus train flight hotel room trip holiday weekend party dinner lunch breakfast coffee tea water food pizza beer wine ' +
  'game match team win lost play music movie song photo picture video online website app computer laptop phone screen keyboard mouse printer network server data report ' +
  'question answer problem issue error help support thanks thank please sorry hello hi hey ok okay sure maybe later first last next best better worse right wrong left ' +
  'true false number one two three four five six seven ten hundred thousand million percent half double system program windows linux mac android version update code ' +
  'test testing debug build deploy release feature bug fix change changes history number order orders ordered select selected where whereas union station drop-off ' +
  // Words attacks also use: alone, in ordinary sentences, they must not decide the label.
  'passwd etc hosts shadow bin bash sh cmd powershell terminal console script alert img src svg iframe onload benchmark waitfor delay exec system boot ini proc self ' +
  'environ var log tmp usr curl wget id uname whoami dir type net cat ls echo null sleep char concat version database schema admin root config www html php asp ' +
  'localhost 127.0.0.1 192.168.1.1 10.0.0.2 8.8.8.8 example.com http https www.example.org ip server host port 8080 3000 api json xml').split(' ');

export const ES_WORDS = ('el la los las un una y o pero si entonces porque cuando mientras donde qué quién por cómo cuál este esta estos esas yo tú él ella nosotros ellos mi tu ' +
  'su nuestro es son era fue ser estar tengo tiene tenemos hacer hizo puede podría debe no sí todo todos algo mucho muy también solo ya ahora hoy mañana ayer aquí allí ' +
  'pedido pedidos envío entrega paquete talla color rojo azul negro blanco pequeño grande precio pagar tarjeta tienda comprar compra carrito producto productos cliente ' +
  'nombre apellidos dirección ciudad provincia código postal teléfono correo contraseña usuario cuenta factura devolución cambio gracias hola buenas por favor saludos ' +
  'semana mes año día noche tarde hora minuto casa trabajo familia amigo coche viaje hotel vuelo cena comida café agua libro clase escuela pregunta respuesta problema ' +
  'ayuda error página web aplicación móvil ordenador seleccionar seleccione elija unión tabla borrar actualizar insertar donde desde orden ordenar dormir cantidad oferta').split(' ');

export const FR_WORDS = ("le la les un une et ou mais si alors parce que quand où qui pourquoi comment je tu il elle nous vous ils mon ton son notre est sont était être avoir " +
  "fait peut doit ne pas oui tout très aussi déjà maintenant aujourd'hui demain hier ici commande livraison colis taille couleur prix payer carte magasin acheter produit " +
  "client nom adresse ville téléphone courriel mot de passe compte facture retour merci bonjour s'il vous plaît l'article d'accord qu'il c'est j'ai n'est jusqu'à").split(' ');

export const DE_WORDS = ('der die das ein eine und oder aber wenn dann weil wo was wer warum wie ich du er sie wir ihr mein dein ist sind war sein haben hat kann muss nicht ' +
  'ja alles sehr auch schon jetzt heute morgen gestern hier Bestellung Lieferung Paket Größe Farbe Preis bezahlen Karte Laden kaufen Produkt Kunde Name Adresse Stadt ' +
  'Telefon Passwort Konto Rechnung Rückgabe danke hallo bitte Straße für über Tschüss').split(' ');

/** Short-message style: abbreviations, slang, numbers, emoticons. */
export const SMS_BITS = ['u', 'ur', 'r', 'k', 'ok', 'lol', 'omg', 'btw', 'idk', 'tmr', '2moro', 'gr8', 'pls', 'thx', 'ty', 'np', 'b4', 'l8r', 'wat', 'wen', 'cos', 'gonna',
  'wanna', 'ya', 'yeah', 'nah', 'haha', 'hehe', ':)', ':(', ';)', ':P', ':-)', '<3', 'xx', 'xoxo', '...', '!!', '??', 'c u', 'da', 'lor', 'lah', 'hor', 'dun', 'wif', 'oni',
  "i'm", "i'll", "don't", "can't", "won't", "it's", "that's", "you're", "we're", "he's", "she's", "let's", "didn't", "isn't", "aren't", "wasn't", "i've", "i'd", "y'all", "ma'am", "o'clock"];

export const QUESTION_STARTS = ['What is', 'What are', 'How do I', 'How can I', 'How to', 'Why does', 'Why is', 'Which is', 'Where can I', 'When should I', 'Who is', 'Is it',
  'Can I', 'Should I', 'Does anyone know', 'What happens if', 'How much does', 'How many', 'What does', 'Is there', '¿Cómo puedo', '¿Dónde está', '¿Por qué', '¿Cuánto cuesta',
  'Comment faire pour', 'Pourquoi', 'Wie kann ich', 'Warum'];

export const SYLLABLES = ['ka', 'lo', 'ri', 'an', 'ma', 'el', 'son', 'ber', 'ton', 'li', 'sa', 'mi', 'ne', 'do', 'ra', 'va', 'ga', 'hu', 'yo', 'zen', 'bro', 'ste', 'fan',
  'gui', 'que', 'chi', 'ser', 'ha', 'ko', 'nen', 'der', 'wil', 'mar', 'tin', 'ez', 'ova', 'ski', 'ić', 'ou', 'ei', 'ø', 'ñ', 'é', 'ü'];
