/**
 * English templates and vocabulary for the benchmark email generator.
 * Written for trouw's benchmark; every shop, product and sentence is invented.
 *
 * Slots: `{name}` reader's first name, `{brand}`, `{staff}` a colleague,
 * `{city}`, `{product}` (the product of the paragraph), `{price}`, `{n}` a small
 * number, `{percent}`, `{day}`, `{code}`, `{hours}`, `{weeks}`.
 */

/** @type {import('./generate.js').Vocabulary} */
export const en = {
  greetings: ['Hi {name},', 'Hello {name},', 'Dear {name},', 'Good morning {name},'],
  names: ['Anna', 'Tom', 'Priya', 'Marcus', 'Elif', 'Jonas', 'Grace', 'Samir', 'Hannah', 'Oliver', 'Mei', 'Rachel'],
  staff: ['Lotte', 'Ben', 'Carla', 'Dev', 'Ingrid', 'Femi', 'Rosa', 'Luis'],
  cities: ['Leeds', 'Bristol', 'York', 'Norwich', 'Cardiff', 'Glasgow', 'Brighton', 'Exeter'],
  days: ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'],
  shops: [
    {
      brand: 'Kettle & Crumb',
      story: [
        'Our ovens in {city} are lit at four in the morning, and the first loaves leave the shop before seven.',
        'This autumn we started milling part of our own flour, which gives the crust a deeper, nuttier taste.',
        '{staff} has been baking with us for {n} years and still tastes every batch before it goes on the shelf.'
      ],
      products: [
        {name: 'sourdough loaf', facts: ['It rises for eighteen hours and keeps well for four days in a linen bag.', 'We bake it with spelt from a farm forty miles north of the shop.']},
        {name: 'rye starter kit', facts: ['The kit holds a jar of live starter, a scraper and a printed feeding schedule.', 'Most people bake their first loaf with it within a week.']},
        {name: 'house espresso blend', facts: ['The beans come from a cooperative in Huila and are roasted on Tuesdays.', 'It tastes of dark chocolate and red plums, with very little bitterness.']},
        {name: 'cinnamon bun box', facts: ['A box holds six buns and travels well in the post for two days.', 'We use cardamom as well as cinnamon, the way our first baker learned it in Malmo.']},
        {name: 'cast-iron bread tin', facts: ['The tin is made in a foundry in Sheffield and needs no coating.', 'It holds a 900 gram loaf and will outlast most kitchens.']}
      ]
    },
    {
      brand: 'Northpaw Outdoor',
      story: [
        'Every jacket we sell is tested for a week on the hills above {city} before it reaches the shelf.',
        'We repair zips, seams and buckles for free for as long as you own the gear.',
        '{staff} walked the coast path last month in our new boots and sent us a very muddy photo.'
      ],
      products: [
        {name: 'rain shell', facts: ['It weighs 310 grams and packs into its own chest pocket.', 'The seams are taped and the hood adjusts with one hand.']},
        {name: 'merino base layer', facts: ['The wool comes from a mill in Tasmania that publishes its animal welfare audits.', 'It stays warm when damp and does not smell after a three-day hike.']},
        {name: 'two-person tent', facts: ['It pitches in about six minutes and stands up to strong wind on open ground.', 'The inner tent clips out, so you can use the fly alone on warm nights.']},
        {name: 'walking boots', facts: ['The soles can be replaced twice by our repair team.', 'They come in half sizes and in a wide fit.']},
        {name: 'head torch', facts: ['It charges over USB-C and lasts eleven hours on the low setting.', 'The red light mode keeps your night vision intact.']}
      ]
    },
    {
      brand: 'Linden Bedding',
      story: [
        'We sew our covers in a small workshop in {city}, where {staff} checks every seam by hand.',
        'Most of our customers tell us they sleep cooler in linen, especially in July and August.',
        'We publish the origin of every fabric we use on the label inside each cover.'
      ],
      products: [
        {name: 'linen duvet cover', facts: ['It is woven from Belgian flax and gets softer with every wash.', 'It comes in five colours, from oat to slate blue.']},
        {name: 'buckwheat pillow', facts: ['The hulls shape themselves to your neck and can be topped up or removed.', 'The cover zips off and can be washed at forty degrees.']},
        {name: 'wool mattress topper', facts: ['It is filled with wool from sheep in the Yorkshire Dales.', 'It adds about four centimetres of give to a firm mattress.']},
        {name: 'cotton waffle blanket', facts: ['It weighs just under a kilo and works as a throw on the sofa too.', 'We dye it with low-impact dyes in a mill that treats its own water.']}
      ]
    },
    {
      brand: 'Spoke & Gear',
      story: [
        'Our workshop in {city} services more than {n}0 bikes a week, from racing bikes to cargo trikes.',
        '{staff} builds every wheel by hand and trues it twice before it leaves the stand.',
        'Bring your bike in before the winter and we will check the brakes and lights at no cost.'
      ],
      products: [
        {name: 'city bike', facts: ['It has a seven-speed hub, so the gears keep working in rain and grit.', 'The frame is steel and comes with a twelve-year guarantee.']},
        {name: 'cargo bike', facts: ['The box takes two children or three crates of shopping.', 'You can try one for a weekend before you decide.']},
        {name: 'puncture-resistant tyres', facts: ['They have a five-millimetre protective layer under the tread.', 'We fit them while you wait, usually in about twenty minutes.']},
        {name: 'dynamo light set', facts: ['The front light keeps shining for four minutes after you stop.', 'No batteries to charge, ever.']}
      ]
    },
    {
      brand: 'Greenhouse Row',
      story: [
        'Our nursery outside {city} grows everything in peat-free compost.',
        '{staff} answers garden questions by email every weekday morning, so send a photo if a plant looks unhappy.',
        'We pack plants in paper and wool, and the boxes go back to us for reuse.'
      ],
      products: [
        {name: 'tomato seedlings', facts: ['We grow eight varieties, including a yellow pear tomato that does well in pots.', 'They are ready to plant out once the nights stay above ten degrees.']},
        {name: 'raised bed kit', facts: ['It is made of untreated larch and goes together with a single screwdriver.', 'One kit is 120 by 80 centimetres, enough for a family salad patch.']},
        {name: 'compost bin', facts: ['It holds 330 litres and has a hatch at the bottom for finished compost.', 'The plastic is recycled from old garden furniture.']},
        {name: 'lavender hedge pack', facts: ['A pack of twelve plants covers about three metres of border.', 'Bees find them within days of planting.']}
      ]
    }
  ],
  intros: [
    'Spring has arrived in the shop, and we have a few things we think you will like.',
    'Thank you for ordering from us last month; we hope everything arrived in good shape.',
    'Here is our news for {brand} customers this month, kept short as usual.',
    'A quick letter from all of us at {brand}, with what is new and what is back.',
    'The days are getting shorter, so we put together a few things for the colder months.',
    'We read every reply to these letters, and a lot of you asked the same questions, so here are the answers.'
  ],
  glue: [
    'Many of you asked about the {product} after our last letter.',
    'The {product} is back in stock since {day}.',
    'The {product} costs {price} and ships within {n} working days.',
    'If you are not sure whether the {product} suits you, reply to this email and {staff} will help you choose.',
    'We have sold the {product} for {n} years now, and returns are rare.',
    'You can see and try the {product} in our shop in {city} from {day} onward.',
    'A customer from {city} wrote to say the {product} was the best purchase of her year.',
    'The {product} is also available as a gift, wrapped in brown paper with a handwritten card.'
  ],
  extras: [
    'On {day} evening we hold a free repair and questions hour in the shop in {city}; no need to book.',
    '{staff} wrote a short guide on caring for what you bought from us, and it is on our website.',
    'Last month we planted {n}0 trees with a local school, one for every hundred orders.',
    'We changed our parcels: no more plastic tape, and the boxes are a size smaller.',
    'A few readers asked how we pick our suppliers, so we put the full list on our website.',
    'Our new colleague {staff} started in {city} this week; say hello if you visit.',
    'We will be closed on {day} for stocktaking, and the webshop keeps running as normal.',
    'Prices of the {product} stay the same this year, even though our costs went up a little.'
  ],
  offers: [
    'Until the end of the month, members get {percent} percent off with the code {code}.',
    'Orders above {price} ship free this week.',
    'If you order before {day}, we add a small sample of something new to your parcel.',
    'This month you can spread the payment over three months at no extra cost.',
    'Bring a friend to the shop and both of you get a free coffee and {percent} percent off.'
  ],
  service: [
    'You can return anything within 30 days, and we pay the postage.',
    'Questions? Reply to this email and a real person will answer, usually within a day.',
    'You can pause or stop your subscription at any time in your account.',
    'Our shop in {city} is open Tuesday to Saturday from nine to six.',
    'We deliver with bike couriers in the city centre and with the regular post elsewhere.',
    'If something breaks within two years, we repair or replace it.'
  ],
  signoffs: [
    'Warm regards,\n{staff} and the {brand} team',
    'All the best,\n{staff} at {brand}',
    'See you soon,\nThe people at {brand}',
    'Thanks for reading,\n{staff}, {brand}'
  ],
  pressure: [
    'Hurry, this deal disappears at midnight!',
    'Only {n} left in stock, so grab yours before they are gone.',
    'Your membership renews automatically for another 24 months unless you act.',
    'Leave before the end of your contract and we charge a {price} exit fee.',
    'If you do not renew today, your saved points will be wiped for good.',
    'No thanks, I enjoy paying extra for the same thing.',
    'After everything we have done for you, we really hope you will stay.',
    'Last chance: this offer ends in {hours} hours.',
    'Do not miss out, there will never be a price like this again.',
    'Places in the workshop are almost fully booked, so sign up right now.'
  ],
  gush: [
    'We are absolutely, incredibly, unbelievably excited for you!!!',
    'The {product} will make you smile every single day for the rest of your life.',
    'Our whole team jumps for joy every time you open one of our emails.',
    'Expect nothing less than total, perfect bliss from now on.',
    'AMAZING NEWS!!! YOU ARE GOING TO LOVE THIS!!!',
    'Honestly, the {product} is the most magical, life-changing thing we have ever made.',
    'We think about your happy face every morning when we open the shop.',
    'The best quality at the best prices, with excellent service.'
  ]
}
