import { detectLanguage, UNDETERMINED_LANGUAGE } from './language-detector';

describe('detectLanguage', () => {
  it.each([
    ['nl', 'Mijn vlucht naar Amsterdam is geannuleerd en ik zit vast op het vliegveld, wat moet ik doen?'],
    ['nl', 'Ik wil graag mijn geld terug voor de geannuleerde vlucht'],
    ['de', 'Mein Flug nach Frankfurt wurde gestrichen und ich sitze am Flughafen fest. Was soll ich tun?'],
    ['de', 'Wir warten seit Stunden am Gate und niemand sagt uns etwas'],
    ['fr', "Mon vol pour Paris a été annulé et je suis bloqué à l'aéroport. Que dois-je faire ?"],
    ['fr', 'Nous attendons depuis des heures et personne ne nous informe'],
    ['es', 'Mi vuelo a Madrid ha sido cancelado y estoy atrapado en el aeropuerto. ¿Qué debo hacer?'],
    ['es', 'Llevamos horas esperando en la puerta y nadie nos dice nada'],
    ['en', 'I have been waiting at the gate for six hours and nobody tells us anything.'],
    ['en', 'Please help, my wheelchair was not delivered and I need assistance at the airport.'],
    ['en', 'My flight to London was cancelled and I am stuck at the airport. What should I do?'],
  ])('detects %s', (expected, text) => {
    expect(detectLanguage(text)).toBe(expected);
  });

  it.each([
    ['a two-letter reply', 'ok'],
    ['an empty text', ''],
    ['emoji only', '😡😡✈️✈️😭'],
    ['digits and punctuation', '1234 5678 !!! ???'],
    ['fewer than 12 letters', 'Help please'],
    ['an ambiguous Scandinavian text', 'Hvor er kufferten min? Den kom ikke med flyet.'],
  ])('answers und for %s', (_, text) => {
    expect(detectLanguage(text)).toBe(UNDETERMINED_LANGUAGE);
  });
});
