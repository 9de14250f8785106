// Keyboard-fast queues: j/k (or arrows) move through a queue's rows, Enter opens the row, / jumps to search.
(function () {
  'use strict';
  function rows() {
    return Array.prototype.slice.call(document.querySelectorAll('table.queue tbody tr[data-href]'));
  }
  function select(list, i) {
    list.forEach(function (r) { r.classList.remove('selected'); r.removeAttribute('aria-selected'); });
    if (list[i]) {
      list[i].classList.add('selected');
      list[i].setAttribute('aria-selected', 'true');
      var link = list[i].querySelector('a');
      if (link) { link.focus(); }
    }
  }
  document.addEventListener('keydown', function (event) {
    var target = event.target;
    if (target && (target.tagName === 'INPUT' || target.tagName === 'TEXTAREA' || target.tagName === 'SELECT')) {
      return;
    }
    var list = rows();
    var current = list.findIndex(function (r) { return r.classList.contains('selected'); });
    if (event.key === 'j' || event.key === 'ArrowDown') {
      if (list.length) { select(list, Math.min(list.length - 1, current + 1)); event.preventDefault(); }
    } else if (event.key === 'k' || event.key === 'ArrowUp') {
      if (list.length) { select(list, Math.max(0, current - 1)); event.preventDefault(); }
    } else if (event.key === 'Enter' && current >= 0 && target === document.body) {
      window.location.href = list[current].getAttribute('data-href');
    } else if (event.key === '/') {
      var search = document.querySelector('form[role=search] input');
      if (search) { search.focus(); event.preventDefault(); }
    }
  });
  // A form shown again with problems: focus moves to the problem summary, so a screen reader reads it first.
  document.addEventListener('DOMContentLoaded', function () {
    var problem = document.getElementById('problem');
    if (problem) {
      problem.setAttribute('tabindex', '-1');
      problem.focus();
    }
  });
})();
