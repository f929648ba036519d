/**
 * The page side of google.script.run, injected into every page the bridge serves. Written as ES5
 * text so it runs in any browser unchanged; it mirrors Google's client: handlers chain, a call
 * returns nothing, the success handler gets (value, userObject), the failure handler (error,
 * userObject), and an argument that is a Date or a function fails on the page before anything is
 * sent ("Failed due to illegal value in property: N", S).
 */
export const BRIDGE_CLIENT = `
(function () {
  function illegal(value, property) {
    if (value instanceof Date || typeof value === "function") {
      throw new Error("Failed due to illegal value in property: " + property);
    }
    if (value && typeof value === "object") {
      for (var key in value) if (Object.prototype.hasOwnProperty.call(value, key)) illegal(value[key], key);
    }
  }
  function post(path, body) {
    return fetch(path, { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(body) });
  }
  function runner(success, failure, userObject) {
    return new Proxy({}, {
      get: function (_target, name) {
        if (name === "withSuccessHandler") return function (f) { return runner(f, failure, userObject); };
        if (name === "withFailureHandler") return function (f) { return runner(success, f, userObject); };
        if (name === "withUserObject") return function (o) { return runner(success, failure, o); };
        if (typeof name !== "string") return undefined;
        return function () {
          var args = Array.prototype.slice.call(arguments);
          for (var i = 0; i < args.length; i++) illegal(args[i], String(i));
          post("/__run", { name: name, args: args })
            .then(function (answer) { return answer.json(); })
            .then(function (answer) {
              if (answer.ok) { if (success) success(answer.value, userObject); return; }
              var error = new Error(answer.message);
              error.name = "ScriptError";
              if (failure) failure(error, userObject);
            }, function (error) { if (failure) failure(error, userObject); });
        };
      }
    });
  }
  var google = (window.google = window.google || {});
  google.script = google.script || {};
  google.script.run = runner(null, null, undefined);
  google.script.host = {
    close: function () { post("/__close", {}); },
    setHeight: function () {},
    setWidth: function () {},
    editor: { focus: function () {} }
  };
})();
`;
