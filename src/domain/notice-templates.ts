/**
 * The default notice texts (English and Spanish). The specialist may replace them; these say, in
 * plain words, what a student needs to know before Credly's e-mail arrives (issue #7): what they
 * earned, that Credly writes from admin@credly.com (allow-list it, check spam), how to accept,
 * that several addresses can share one Credly profile (students often lose a school inbox when
 * they leave), how to make the badge public or private and share it, and what Credly shows them.
 */

import type { Language } from "./entry";
import type { NoticeTemplate } from "./merge";

const EN: NoticeTemplate = {
  subject: "Your digital badge from {{agencyName}} is on its way",
  html: `<p>Hi {{firstName}},</p>
<p>Congratulations! {{site}} reported in {{month}} that you earned:</p>
{{credentials}}
<p>{{agencyName}} is sending you a digital badge for each one through Credly, a website that employers and schools use to check credentials. Here is what to expect.</p>
<p><b>1. Watch for an e-mail from Credly.</b> In the next few days Credly will e-mail you at this address from <b>admin@credly.com</b>. Add admin@credly.com to your contacts or safe senders, and look in your spam or junk folder if you do not see it.</p>
<p><b>2. Accept your badge.</b> Open Credly's e-mail and click the button to accept. If you are new to Credly, create a free account with this e-mail address; if you already have one, sign in. Then accept the badge.</p>
<p><b>3. Keep your badges together.</b> One Credly profile can have several e-mail addresses, so badges sent to your school address and to a personal address end up in the same place. If this is a school address, add a personal e-mail address to your Credly profile now, before your school inbox closes.</p>
<p><b>4. Choose who sees it, and share it.</b> Your badge can be public or private: you decide in Credly. Share it on LinkedIn and other social media, add it to your résumé, or send the link to an employer.</p>
<p><b>5. See where it can take you.</b> Credly shows job-market insights for your badge: job openings that ask for it, and related credentials you could earn next.</p>
<p>Questions? Reply to this e-mail.</p>
<p>{{senderName}}<br>{{agencyName}}</p>`,
  text: `Hi {{firstName}},

Congratulations! {{site}} reported in {{month}} that you earned:

{{credentials}}

{{agencyName}} is sending you a digital badge for each one through Credly, a website that employers and schools use to check credentials. Here is what to expect.

1. Watch for an e-mail from Credly. In the next few days Credly will e-mail you at this address from admin@credly.com. Add admin@credly.com to your contacts or safe senders, and look in your spam or junk folder if you do not see it.

2. Accept your badge. Open Credly's e-mail and click the button to accept. If you are new to Credly, create a free account with this e-mail address; if you already have one, sign in. Then accept the badge.

3. Keep your badges together. One Credly profile can have several e-mail addresses, so badges sent to your school address and to a personal address end up in the same place. If this is a school address, add a personal e-mail address to your Credly profile now, before your school inbox closes.

4. Choose who sees it, and share it. Your badge can be public or private: you decide in Credly. Share it on LinkedIn and other social media, add it to your résumé, or send the link to an employer.

5. See where it can take you. Credly shows job-market insights for your badge: job openings that ask for it, and related credentials you could earn next.

Questions? Reply to this e-mail.

{{senderName}}
{{agencyName}}`,
};

const ES: NoticeTemplate = {
  subject: "Tu insignia digital de {{agencyName}} está en camino",
  html: `<p>Hola, {{firstName}}:</p>
<p>¡Felicidades! {{site}} informó en {{month}} que obtuviste:</p>
{{credentials}}
<p>{{agencyName}} te enviará una insignia digital por cada una a través de Credly, un sitio web que usan empleadores y escuelas para comprobar credenciales. Esto es lo que sigue.</p>
<p><b>1. Espera un correo de Credly.</b> En los próximos días Credly te escribirá a esta dirección desde <b>admin@credly.com</b>. Agrega admin@credly.com a tus contactos o remitentes seguros, y revisa la carpeta de spam o correo no deseado si no lo ves.</p>
<p><b>2. Acepta tu insignia.</b> Abre el correo de Credly y haz clic en el botón para aceptarla. Si no tienes cuenta en Credly, crea una gratis con esta dirección de correo; si ya tienes una, inicia sesión. Después acepta la insignia.</p>
<p><b>3. Guarda tus insignias juntas.</b> Un perfil de Credly puede tener varias direcciones de correo, así que las insignias enviadas a tu correo escolar y a uno personal quedan en el mismo lugar. Si esta es una dirección escolar, agrega ahora un correo personal a tu perfil de Credly, antes de que cierren tu cuenta de la escuela.</p>
<p><b>4. Decide quién la ve y compártela.</b> Tu insignia puede ser pública o privada: tú decides en Credly. Compártela en LinkedIn y otras redes sociales, agrégala a tu currículum o envía el enlace a un empleador.</p>
<p><b>5. Descubre a dónde te puede llevar.</b> Credly muestra información del mercado laboral para tu insignia: ofertas de empleo que la piden y otras credenciales relacionadas que podrías obtener después.</p>
<p>¿Preguntas? Responde a este correo.</p>
<p>{{senderName}}<br>{{agencyName}}</p>`,
  text: `Hola, {{firstName}}:

¡Felicidades! {{site}} informó en {{month}} que obtuviste:

{{credentials}}

{{agencyName}} te enviará una insignia digital por cada una a través de Credly, un sitio web que usan empleadores y escuelas para comprobar credenciales. Esto es lo que sigue.

1. Espera un correo de Credly. En los próximos días Credly te escribirá a esta dirección desde admin@credly.com. Agrega admin@credly.com a tus contactos o remitentes seguros, y revisa la carpeta de spam o correo no deseado si no lo ves.

2. Acepta tu insignia. Abre el correo de Credly y haz clic en el botón para aceptarla. Si no tienes cuenta en Credly, crea una gratis con esta dirección de correo; si ya tienes una, inicia sesión. Después acepta la insignia.

3. Guarda tus insignias juntas. Un perfil de Credly puede tener varias direcciones de correo, así que las insignias enviadas a tu correo escolar y a uno personal quedan en el mismo lugar. Si esta es una dirección escolar, agrega ahora un correo personal a tu perfil de Credly, antes de que cierren tu cuenta de la escuela.

4. Decide quién la ve y compártela. Tu insignia puede ser pública o privada: tú decides en Credly. Compártela en LinkedIn y otras redes sociales, agrégala a tu currículum o envía el enlace a un empleador.

5. Descubre a dónde te puede llevar. Credly muestra información del mercado laboral para tu insignia: ofertas de empleo que la piden y otras credenciales relacionadas que podrías obtener después.

¿Preguntas? Responde a este correo.

{{senderName}}
{{agencyName}}`,
};

/** The default notice, by language. */
export const DEFAULT_NOTICE_TEMPLATES: Readonly<Record<Language, NoticeTemplate>> = { en: EN, es: ES };

/** The optional short note for credentials whose vendor issues its own badge. */
export const DEFAULT_VENDOR_NOTE_TEMPLATES: Readonly<Record<Language, NoticeTemplate>> = {
  en: {
    subject: "About the digital badge for your new credential",
    html: `<p>Hi {{firstName}},</p>
<p>Congratulations! {{site}} reported in {{month}} that you earned:</p>
{{credentials}}
<p>The organization that grants this credential issues its own digital badge, so {{agencyName}} will not send a separate one. Watch for its e-mail (often from Credly, admin@credly.com) and look in your spam or junk folder if you do not see it.</p>
<p>{{senderName}}<br>{{agencyName}}</p>`,
    text: `Hi {{firstName}},

Congratulations! {{site}} reported in {{month}} that you earned:

{{credentials}}

The organization that grants this credential issues its own digital badge, so {{agencyName}} will not send a separate one. Watch for its e-mail (often from Credly, admin@credly.com) and look in your spam or junk folder if you do not see it.

{{senderName}}
{{agencyName}}`,
  },
  es: {
    subject: "Sobre la insignia digital de tu nueva credencial",
    html: `<p>Hola, {{firstName}}:</p>
<p>¡Felicidades! {{site}} informó en {{month}} que obtuviste:</p>
{{credentials}}
<p>La organización que otorga esta credencial emite su propia insignia digital, así que {{agencyName}} no enviará otra. Espera su correo (a menudo de Credly, admin@credly.com) y revisa la carpeta de spam o correo no deseado si no lo ves.</p>
<p>{{senderName}}<br>{{agencyName}}</p>`,
    text: `Hola, {{firstName}}:

¡Felicidades! {{site}} informó en {{month}} que obtuviste:

{{credentials}}

La organización que otorga esta credencial emite su propia insignia digital, así que {{agencyName}} no enviará otra. Espera su correo (a menudo de Credly, admin@credly.com) y revisa la carpeta de spam o correo no deseado si no lo ves.

{{senderName}}
{{agencyName}}`,
  },
};
