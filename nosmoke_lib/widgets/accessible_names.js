// Names for the ipywidgets controls that render without one (ipywidgets 8.1; docs/accessibility.md).
// A screen reader announces a slider's handle as "slider, 2000" and the Play widget's buttons as
// "button": this names each handle after its slider's label, each Play button after what it does,
// and gives each widget image its tooltip (the figure's description) as alt text. It runs once per
// page and keeps up with widgets drawn later; it changes nothing a sighted user sees.
(function () {
  if (window.nosmokeNamesControls) return;
  window.nosmokeNamesControls = true;
  const PLAY_BUTTONS = { "fa-play": "Play", "fa-pause": "Pause", "fa-stop": "Stop", "fa-retweet": "Repeat" };

  function setName(element, name) {
    if (name && element.getAttribute("aria-label") !== name) element.setAttribute("aria-label", name);
  }

  function nameControls() {
    for (const slider of document.querySelectorAll(".widget-slider")) {
      const label = slider.querySelector(".widget-label");
      const name = (label && label.textContent.trim()) || slider.title;
      for (const handle of slider.querySelectorAll('[role="slider"]')) setName(handle, name);
    }
    for (const play of document.querySelectorAll(".widget-play")) {
      for (const button of play.querySelectorAll("button")) {
        const icon = Object.keys(PLAY_BUTTONS).find((name) => button.querySelector("." + name));
        if (icon) setName(button, play.title ? `${PLAY_BUTTONS[icon]}: ${play.title}` : PLAY_BUTTONS[icon]);
      }
    }
    for (const image of document.querySelectorAll("img.widget-image")) {
      if (image.title && image.alt !== image.title) image.alt = image.title;
    }
  }

  let pending = false;
  function soon() {  // at most one pass per frame, however many changes a redraw makes
    if (!pending) {
      pending = true;
      requestAnimationFrame(() => {
        pending = false;
        nameControls();
      });
    }
  }
  new MutationObserver(soon).observe(document.body, {
    childList: true,
    subtree: true,
    attributes: true,
    attributeFilter: ["title"],
  });
  nameControls();
})();
