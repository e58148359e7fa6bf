// Loaded first in <body>, before anything is drawn: the NHS.UK frontend's styles for enhanced
// components apply only once these classes are present, so a reader without JavaScript (or
// with a browser too old for modules) gets the plain, working version.
document.body.className +=
  " js-enabled" + ("noModule" in HTMLScriptElement.prototype ? " nhsuk-frontend-supported" : "");
