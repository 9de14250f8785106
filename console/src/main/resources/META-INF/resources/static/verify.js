// Verifies an audit entry in the browser, trusting nothing the server says: the signed checkpoint is checked
// against the log key the auditor pinned (C2SP signed note, Ed25519), the entry's leaf hash is recomputed from
// its bytes, and the RFC 9162 inclusion proof is walked up to the signed root (SHA-256, WebCrypto).
(function () {
  'use strict';
  var PIN = 'tiergate.audit.pinnedKey';
  var section = document.getElementById('verifier');
  if (!section) { return; }
  var input = document.getElementById('pinned-key');
  var result = document.getElementById('verify-result');
  var steps = document.getElementById('verify-steps');
  input.value = window.localStorage.getItem(PIN) || '';

  function b64(text) {
    var raw = atob(text);
    var bytes = new Uint8Array(raw.length);
    for (var i = 0; i < raw.length; i++) { bytes[i] = raw.charCodeAt(i); }
    return bytes;
  }
  function concat() {
    var total = 0, i;
    for (i = 0; i < arguments.length; i++) { total += arguments[i].length; }
    var out = new Uint8Array(total), at = 0;
    for (i = 0; i < arguments.length; i++) { out.set(arguments[i], at); at += arguments[i].length; }
    return out;
  }
  function equal(a, b) {
    if (a.length !== b.length) { return false; }
    for (var i = 0; i < a.length; i++) { if (a[i] !== b[i]) { return false; } }
    return true;
  }
  function hex(bytes) {
    return Array.prototype.map.call(bytes, function (x) { return ('0' + x.toString(16)).slice(-2); }).join('');
  }
  async function sha256(bytes) { return new Uint8Array(await crypto.subtle.digest('SHA-256', bytes)); }
  async function nodeHash(left, right) { return sha256(concat(Uint8Array.of(1), left, right)); }
  async function leafHash(entry) { return sha256(concat(Uint8Array.of(0), entry)); }
  async function getJson(url) {
    var response = await fetch(url, { credentials: 'same-origin', headers: { Accept: 'application/json' } });
    if (!response.ok) { throw new Error(url + ' answered ' + response.status); }
    return response.json();
  }
  function step(text, ok) {
    var li = document.createElement('li');
    li.textContent = (ok ? '✓ ' : '✗ ') + text;
    li.className = ok ? 'ok' : 'error';
    steps.appendChild(li);
  }

  // The verifier key: name+hex(keyhash[4])+base64(0x01 || Ed25519 public key).
  async function parseKey(text) {
    var parts = text.trim().split('+');
    if (parts.length !== 3) { throw new Error('the pinned key is not name+keyhash+key'); }
    var typed = b64(parts[2]);
    if (typed.length !== 33 || typed[0] !== 1) { throw new Error('the pinned key is not an Ed25519 key'); }
    var publicKey = typed.slice(1);
    var enc = new TextEncoder();
    var hash = (await sha256(concat(enc.encode(parts[0]), enc.encode('\n'), Uint8Array.of(1), publicKey))).slice(0, 4);
    if (hex(hash) !== parts[1].toLowerCase()) { throw new Error('the pinned key hash does not match its key'); }
    var key = await crypto.subtle.importKey('raw', publicKey, { name: 'Ed25519' }, false, ['verify']);
    return { name: parts[0], hash: hash, key: key };
  }

  // A signed note: body, blank line, signature lines "— name base64(keyhash || signature)".
  async function verifyNote(note, pinned) {
    var split = note.lastIndexOf('\n\n');
    if (split < 0) { throw new Error('the checkpoint has no signature block'); }
    var body = note.substring(0, split + 1);
    var lines = note.substring(split + 2).split('\n');
    for (var i = 0; i < lines.length; i++) {
      var line = lines[i];
      if (line.indexOf('\u2014 ') !== 0) { continue; }
      var parts = line.substring(2).split(' ');
      if (parts.length !== 2 || parts[0] !== pinned.name) { continue; }
      var signed = b64(parts[1]);
      if (signed.length !== 68 || !equal(signed.slice(0, 4), pinned.hash)) { continue; }
      var ok = await crypto.subtle.verify({ name: 'Ed25519' }, pinned.key, signed.slice(4),
        new TextEncoder().encode(body));
      if (!ok) { throw new Error('the checkpoint signature does not verify against the pinned key'); }
      return body;
    }
    throw new Error('the checkpoint carries no signature by the pinned key');
  }

  // RFC 9162 §2.1.3.2: the root an inclusion proof leads to, or null when the path does not fit the tree.
  async function rootFromInclusion(index, size, leaf, path) {
    var fn = BigInt(index), sn = BigInt(size) - 1n, r = leaf;
    if (fn > sn) { return null; }
    for (var i = 0; i < path.length; i++) {
      var p = path[i];
      if (sn === 0n) { return null; }
      if ((fn & 1n) === 1n || fn === sn) {
        r = await nodeHash(p, r);
        while ((fn & 1n) === 0n && fn !== 0n) { fn >>= 1n; sn >>= 1n; }
      } else {
        r = await nodeHash(r, p);
      }
      fn >>= 1n; sn >>= 1n;
    }
    return sn === 0n ? r : null;
  }

  async function verify() {
    steps.textContent = '';
    result.textContent = '';
    result.setAttribute('data-outcome', 'running');
    var index = section.getAttribute('data-index');
    try {
      var pinned = await parseKey(input.value);
      window.localStorage.setItem(PIN, input.value.trim());
      step('pinned key ' + pinned.name + ' (' + hex(pinned.hash) + ')', true);

      var checkpoint = await getJson('/audit/api/checkpoint');
      var body = await verifyNote(checkpoint.note, pinned);
      var lines = body.split('\n');
      if (lines[0] !== pinned.name && lines[0] !== section.getAttribute('data-origin')) {
        throw new Error('the checkpoint is for another log: ' + lines[0]);
      }
      var size = lines[1];
      var root = b64(lines[2]);
      step('checkpoint signed by the pinned key: tree size ' + size, true);
      if (BigInt(index) >= BigInt(size)) { throw new Error('entry ' + index + ' is not yet under a signed checkpoint'); }

      var entry = await getJson('/audit/api/entries/' + index);
      var leaf = await leafHash(b64(entry.entry));
      step('leaf hash recomputed from the entry bytes: ' + btoa(String.fromCharCode.apply(null, leaf)), true);

      var proof = await getJson('/audit/api/proof?index=' + index + '&treeSize=' + size);
      var computed = await rootFromInclusion(index, size, leaf, proof.proof.map(b64));
      if (computed === null || !equal(computed, root)) {
        throw new Error('the inclusion proof does not lead to the signed root');
      }
      step('inclusion proof (' + proof.proof.length + ' hashes) leads to the signed root', true);
      result.setAttribute('data-outcome', 'passed');
      result.textContent = 'Verified: entry ' + index + ' is in the log signed at size ' + size + '.';
    } catch (e) {
      step(e.message, false);
      result.setAttribute('data-outcome', 'failed');
      result.textContent = 'Verification FAILED: ' + e.message;
    }
  }
  document.getElementById('verify').addEventListener('click', verify);
})();
