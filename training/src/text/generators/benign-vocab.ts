/** Word lists for benign input. Hand-written; many languages, because real forms are. */

export const FIRST_NAMES = ['James', 'Mary', 'Sean', 'Aoife', 'Siobhán', 'María', 'José', 'Lucía', 'Pablo', 'Jean-Luc', 'Zoë', 'Chloé', 'Renée', 'Björn', 'Søren', 'Jürgen',
  'Ólafur', 'Ana', 'João', 'Giulia', 'Luca', 'Wei', 'Mei', 'Hiroshi', 'Yuki', 'Aarav', 'Priya', 'Fatima', 'Omar', 'Olga', 'Dmitri', 'Ngozi', 'Kwame', 'Amara', 'Liam',
  'Noah', 'Emma', 'Olivia', 'Ava', 'Mateo', 'Sofía', 'Camille', 'Lena', 'Max', 'Anna-Lena', 'Mary-Kate', "D'Arcy", 'Zaïd', 'İsmail', 'Łukasz', 'Małgorzata', 'Ján', 'Nguyễn'];
export const LAST_NAMES = ["O'Brien", "O'Neil", "O'Connor", "D'Angelo", "N'Diaye", "D'Souza", "L'Estrange", "Dell'Acqua", "O'Sullivan-Hart", 'McDonald', 'García', 'Fernández',
  'López', 'Müller', 'Schröder', 'Dubois', 'Lefèvre', 'Rossi', 'Bianchi', 'Silva', 'Santos', 'Nakamura', 'Tanaka', 'Kim', 'Park', 'Chen', 'Wang', 'Singh', 'Patel', 'Khan',
  'Ivanov', 'Kowalski', 'Nowak', 'Jensen', 'Andersson', 'Van der Berg', 'de la Cruz', 'Smith-Jones', 'Baker', 'Johnson', 'Williams', 'Brown', 'Okafor', 'Mensah', 'Al-Farsi',
  'Ben Ali', 'St. John', 'von Trapp', 'ter Haar', "O'Hara", "Ma'afu", "Ka'ahumanu"];
export const DOMAINS = ['gmail.com', 'yahoo.es', 'outlook.com', 'hotmail.fr', 'example.com', 'mail.ru', 'web.de', 'proton.me', 'icloud.com', 'uni-heidelberg.de', 'company.co.uk', 'shop.example.org'];
export const STREETS = ['Main St', 'High Street', "Rue de l'Église", 'Calle Mayor', 'Avenida de la Constitución', 'Hauptstraße', 'Via Roma', 'Baker St', "King's Road", 'Oak Avenue',
  'Rua Augusta', 'Paseo de Gracia', "Church Lane", 'Boulevard Saint-Michel', 'Kurfürstendamm', 'Elm Street', "Queen's Park Rd", 'Nørrebrogade', 'Carrer de Mallorca'];
export const CITIES = ['Madrid', 'Barcelona', 'Sevilla', 'México D.F.', 'Buenos Aires', 'Paris', 'Lyon', 'Berlin', 'München', 'London', "Martha's Vineyard", 'Dublin', 'New York',
  'São Paulo', 'Lisboa', 'Roma', 'Tokyo', 'Seoul', 'Toronto', 'Zürich', 'Kraków', 'Québec', 'Cork', 'Bogotá', "L'Aquila", 'Coeur d\'Alene'];
export const PRODUCTS = ['blue shoes', 'running shoes', 'wireless headphones', 'iphone 15 case', 'usb-c cable', 'coffee maker', 'yoga mat', 'kids bike', 'winter jacket', 'led desk lamp',
  'zapatillas deportivas', 'camiseta roja', 'funda móvil', 'robe d\'été', 'chaussures de sport', 'Laufschuhe', 'Kaffeemaschine', 'scarpe da ginnastica', 'tênis de corrida',
  'mechanical keyboard', '4k monitor 27"', 'SSD 1TB', 'baby stroller', 'garden hose 15m', 'men\'s watch', "women's jeans size 10", 'gaming chair', 'HDMI 2.1 cable', 'air fryer 5.5L'];
export const ADJECTIVES = ['great', 'cheap', 'fast', 'red', 'small', 'large', 'new', 'used', 'waterproof', 'organic', 'vintage', 'lightweight', 'durable', 'comfortable'];

export const PROSE: Record<string, string[]> = {
  en: ["I'd like to return my order, it arrived damaged.", "Can't log in since yesterday — it says my password is wrong.", 'Please deliver after 6pm, nobody is home before that.',
    "What's the difference between the Pro and the Max?", 'Do you ship to Canada? How long does it take?', "Thanks so much, you've been really helpful!", 'Is this available in size M?',
    "My son's birthday is on the 12th, can it arrive before then?", 'The item was fine but the box was crushed.', 'Where can I find my invoice?', 'How do I change my delivery address?',
    "I'm not sure which size to pick, I'm usually between a 9 and a 10.", "It's a gift, please don't include the receipt.", 'Leave the parcel with the neighbour at no. 14.',
    'Does the price include VAT?', 'Great product, would buy again. 5 stars!', 'The app keeps crashing when I open the cart.', "Hi, I'm running late, start without me.",
    'Happy birthday!! Hope you have a wonderful day :)', 'See you at the café at 3?', "Don't forget to bring the charger.", 'Call me back when you get this.',
    'Who is the author of this article?', 'Why is my order still pending?', 'When does the sale end?', 'How much is shipping to Ireland?', 'Can I pay in instalments?'],
  es: ['Hola, quisiera saber si tienen esta talla en negro.', '¿Cuándo llegará mi pedido? Ya han pasado cinco días.', 'Por favor, dejen el paquete en portería.',
    'El producto llegó roto, ¿cómo hago la devolución?', 'Muchas gracias por la atención, todo perfecto.', '¿Hacen envíos a Canarias?', 'Necesito factura a nombre de la empresa.',
    'No puedo iniciar sesión, me dice que la contraseña es incorrecta.', '¿Cuál es el plazo de devolución?', 'Me encanta, la calidad es buenísima.', 'Llámame cuando puedas, porfa.',
    'Te veo mañana a las 8 en la plaza.', '¿Tienen tienda física en Valencia?', 'Quiero cambiar la dirección de envío.', 'Feliz cumpleaños, ¡que lo pases genial!'],
  fr: ["Bonjour, j'aimerais savoir si cet article est disponible en 38.", "Ma commande n'est toujours pas arrivée.", "Merci beaucoup, c'est parfait !", "L'article est arrivé abîmé.",
    "Pouvez-vous livrer à l'adresse de mon bureau ?", "Je n'arrive pas à me connecter à mon compte.", "C'est un cadeau, pas de facture dans le colis s'il vous plaît.", "À quelle heure ouvrez-vous ?"],
  de: ['Hallo, ist der Artikel noch verfügbar?', 'Meine Bestellung ist noch nicht angekommen.', 'Vielen Dank für die schnelle Lieferung!', 'Kann ich per Rechnung bezahlen?',
    'Das Paket bitte beim Nachbarn abgeben.', 'Wie lange dauert der Versand nach Österreich?', 'Ich möchte meine Adresse ändern.'],
  pt: ['Olá, gostaria de saber o prazo de entrega.', 'O produto chegou com defeito.', 'Obrigado pela ajuda!', 'Vocês entregam em Portugal?', 'Não consigo acessar minha conta.'],
  it: ['Buongiorno, vorrei sapere se è disponibile la taglia L.', "L'ordine non è ancora arrivato.", 'Grazie mille, tutto perfetto!', "Posso pagare alla consegna?"],
  nl: ['Hallo, is dit product nog op voorraad?', 'Mijn bestelling is nog niet aangekomen.', 'Bedankt voor de snelle levering!'],
  ru: ['Здравствуйте, когда будет доставка?', 'Спасибо, всё отлично!', 'Можно ли вернуть товар?'],
  zh: ['你好，请问这个有货吗？', '谢谢，收到了。', '什么时候发货？'],
  ja: ['こんにちは、在庫はありますか？', 'ありがとうございました！', '配送にはどのくらいかかりますか？'],
  ar: ['مرحبا، متى يصل الطلب؟', 'شكرا جزيلا'],
  pl: ['Dzień dobry, kiedy wysyłka?', 'Dziękuję, wszystko w porządku!'],
  tr: ['Merhaba, ürün ne zaman gelir?', 'Teşekkürler, çok memnun kaldım.'],
};

/** Benign text that mentions code, markup, SQL or shell: the false positives a naive model makes. */
export const TECH_PROSE = [
  'In SQL, SELECT * FROM users returns every row of the table.', 'How do I use UNION in a query without duplicates?', 'Is DROP TABLE reversible in PostgreSQL?',
  'my query: select name, price from products where price < 20 order by price', 'What does the <div> tag do?', 'Use <br> for a line break and <p> for paragraphs.',
  'The <script> element should go at the end of the body.', 'In HTML, onclick is an attribute that runs JavaScript.', 'Why does alert() not work in my extension?',
  'Run `npm install` and then `npm start`.', 'What does rm -rf do? I am scared to run it.', 'Use ls -la to see hidden files.', 'cat file.txt | grep error | wc -l',
  'I set PATH=$PATH:/usr/local/bin in my .bashrc', 'ping me when you are free', 'The cat and the dog are sleeping.', 'Use && to chain commands in bash.',
  'if (a && b || c) { return x; }', 'const x = a ?? b;', 'SELECT is my favourite keyword lol', 'I work as a DBA, mostly MySQL and Oracle.', 'The union of sets A and B.',
  'Where can I find the ../ notation explained?', 'C:\\Program Files\\MyApp\\config.ini is missing after the update', 'The file is in /usr/share/doc', '1 < 2 and 3 > 2',
  'x > 5 or y < 3', 'price <= 100 && rating >= 4', 'a <b> tag makes text bold', 'Email me at name@example.com or call +34 600 000 000.', "Robert's tables are on sale",
  'Drop me a line when the order ships.', 'Select a size', 'select your country', 'Order by date', 'Sleep tight!', 'insert coin to continue', 'update: package delivered',
  'I love <3 this shop', ':-) see you', '-> next page', '=> results', '#hashtag #sale', '@mention me', '100% cotton', '50% off everything!', 'Tom & Jerry', 'Rock & Roll',
  'Q&A session on Friday', 'AT&T phone bill', 'H&M voucher', "Don't panic", "it's 5 o'clock", "rock'n'roll", 'ms-windows 10 drivers', 'system32 folder is missing',
  'my password has a quote in it: pa\'ss — is that ok?', '"quoted text" and \'single quotes\'', 'SELECT a size and a colour below', 'Where is the admin panel?',
  'the script tag in my blog post disappeared', 'how to escape & < > in xml', 'window.alert vs console.log for debugging', 'javascript: void(0) links are bad practice',
  'C:\\Users\\maria\\Downloads\\invoice.pdf', '/home/alex/Documents/cv_2024.docx', 'echo "hello world"', 'sudo apt install nginx', 'git checkout -b feature/login',
  'wget is not installed on my mac', 'curl -X POST with json body', 'use ; to separate statements', 'Tables: users, orders, products', 'The OR operator in Excel',
  'I want 1=1 ratio of sugar and flour', 'score: 3-1 (final)', 'Half-time: 1 - 0', 'Unit 5/12, 3rd floor', 'File > Save As > PDF', 'Settings → Privacy → Cookies',
];

/** Values of Spanish shop forms (registration, login, cart): field contents as users type them. */
export const ES_FORM = {
  provinces: ['Madrid', 'Barcelona', 'Valencia', 'Sevilla', 'Málaga', 'A Coruña', 'Álava', 'Illes Balears', 'Las Palmas', 'Santa Cruz de Tenerife', 'Guipúzcoa', 'Navarra', 'Cáceres', 'León', 'Ourense'],
  buttons: ['Registrar', 'Entrar', 'Enviar', 'Añadir al carrito', 'Vaciar carrito', 'Confirmar', 'Pagar', 'Buscar', 'Aceptar', 'Cancelar', 'Modificar', 'Borrar'],
  modes: ['registro', 'insertar', 'entrar', 'modificar', 'ver', 'buscar', 'eliminar'],
  streets: ['Calle', 'C/', 'Avda.', 'Plaza', 'Paseo', 'Camino', 'Ronda', 'Travesía', 'Carretera'],
  streetNames: ['de la Paz', 'Mayor', 'del Sol', 'Real', 'San Juan', 'de Alcalá', 'Gran Vía', 'Nueva', 'del Carmen', 'de Andalucía', "de l'Horta", 'dels Àngels'],
};
