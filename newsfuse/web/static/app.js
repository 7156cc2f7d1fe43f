/* newsfuse: live refresh of the stories list and upload progress. Same-origin only; values that
   came from articles are only ever set with textContent, and HTML comes from our own server. */
"use strict";

(function () {
  function pollStories(list) {
    var pollUrl = list.getAttribute("data-poll");
    var note = document.getElementById("live-note");
    var busy = false;
    function tick() {
      if (busy || document.hidden) { return; }
      busy = true;
      fetch(pollUrl, { cache: "no-store" })
        .then(function (r) { return r.ok ? r.json() : null; })
        .then(function (d) {
          if (!d || d.version === list.getAttribute("data-version")) { return null; }
          var url = new URL(window.location.href);
          url.searchParams.set("partial", "1");
          return fetch(url.toString(), { cache: "no-store" })
            .then(function (r) { return r.ok ? r.text() : null; })
            .then(function (html) {
              if (html === null) { return; }
              list.innerHTML = html; /* rendered and escaped by the server */
              list.setAttribute("data-version", d.version);
              if (note) {
                note.textContent = "Stories updated at " + new Date().toLocaleTimeString() + ".";
                note.hidden = false;
              }
            });
        })
        .catch(function () { /* server restarting: try again next tick */ })
        .then(function () { busy = false; });
    }
    window.setInterval(tick, 3000);
  }

  function link(href, text) {
    var a = document.createElement("a");
    a.href = href;
    a.textContent = text;
    return a;
  }

  function showResult(box, status, data) {
    box.textContent = "";
    var p = document.createElement("p");
    if (status >= 400 || !data || data.error) {
      p.className = "problems";
      p.textContent = "Failed: " + ((data && data.error && data.error.message) || ("HTTP " + status));
      box.appendChild(p);
      var probs = data && data.error && data.error.problems;
      if (probs) { data = { problems: probs }; } else { return; }
    } else {
      p.className = "ok";
      p.textContent = data.new.length + " new, " + data.existing.length + " already stored.";
      box.appendChild(p);
    }
    if (data.stories_changed && data.stories_changed.length) {
      var s = document.createElement("p");
      s.textContent = "Stories updated: ";
      data.stories_changed.forEach(function (sid, i) {
        if (i) { s.appendChild(document.createTextNode(", ")); }
        s.appendChild(link("/stories/" + encodeURIComponent(sid), sid));
      });
      box.appendChild(s);
    }
    if (data.problems && data.problems.length) {
      var ul = document.createElement("ul");
      ul.className = "problems";
      data.problems.forEach(function (m) {
        var li = document.createElement("li");
        li.textContent = m;
        ul.appendChild(li);
      });
      box.appendChild(ul);
    }
  }

  function uploadForm(form) {
    var tokenInput = document.getElementById("token");
    var saved = window.sessionStorage.getItem("newsfuse-token");
    if (saved && !tokenInput.value) { tokenInput.value = saved; }
    form.addEventListener("submit", function (ev) {
      ev.preventDefault();
      var box = document.getElementById("add-result");
      var wrap = document.getElementById("progress");
      var bar = document.getElementById("progress-bar");
      var text = document.getElementById("progress-text");
      var button = document.getElementById("add-submit");
      var data = new FormData(form);
      data.delete("token");
      var token = tokenInput.value.trim();
      window.sessionStorage.setItem("newsfuse-token", token);
      var xhr = new XMLHttpRequest();
      xhr.open("POST", form.getAttribute("data-api"));
      xhr.setRequestHeader("X-Newsfuse-Token", token);
      xhr.responseType = "json";
      wrap.hidden = false;
      bar.value = 0;
      text.textContent = "Uploading…";
      button.disabled = true;
      xhr.upload.onprogress = function (e) {
        if (e.lengthComputable) { bar.value = Math.round(100 * e.loaded / e.total); }
      };
      xhr.upload.onload = function () {
        bar.removeAttribute("value"); /* indeterminate while the server reads and clusters */
        text.textContent = "Processing…";
      };
      xhr.onload = function () {
        button.disabled = false;
        bar.value = 100;
        text.textContent = "Done.";
        showResult(box, xhr.status, xhr.response);
      };
      xhr.onerror = function () {
        button.disabled = false;
        text.textContent = "Network error.";
      };
      xhr.send(data);
    });
  }

  document.addEventListener("DOMContentLoaded", function () {
    var list = document.getElementById("story-list");
    if (list) { pollStories(list); }
    var form = document.getElementById("add-form");
    if (form) { uploadForm(form); }
    var hl = document.querySelector(".sentence.hl");
    if (hl && !window.location.hash) { hl.scrollIntoView({ block: "center" }); }
  });
})();
