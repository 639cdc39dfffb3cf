// Copy buttons: <button data-copy="input-id" data-copied="Copied." hidden>. They stay hidden
// without JavaScript or a clipboard, where the read-only field is selected and copied by hand.
(function () {
  "use strict";
  function setUp() {
    if (!navigator.clipboard) {
      return;
    }
    document.querySelectorAll("button[data-copy]").forEach(function (button) {
      var field = document.getElementById(button.getAttribute("data-copy"));
      var status = button.parentElement.querySelector(".copy-status");
      if (!field) {
        return;
      }
      button.hidden = false;
      button.addEventListener("click", function () {
        navigator.clipboard.writeText(field.value).then(function () {
          if (status) {
            status.textContent = button.getAttribute("data-copied");
          }
        }, function () {
          field.select();
        });
      });
    });
    document.querySelectorAll("input.secret[readonly]").forEach(function (field) {
      field.addEventListener("focus", function () {
        field.select();
      });
    });
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", setUp);
  } else {
    setUp();
  }
})();
