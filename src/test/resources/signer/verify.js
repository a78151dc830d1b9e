// A Remote Settings client's check of a collection signature, written apart from the server's code with Node's
// own crypto: canonical JSON of {data: live records sorted by id, last_modified: "<timestamp>"}, prefixed with
// "Content-Signature:\0", verified with ECDSA P-384 / SHA-384 (r||s, URL-safe base64).
// Input on stdin: {"records": [...], "timestamp": 123, "signature": "...", "public_key": "<base64 DER SPKI>"}.
// Prints "valid" or "invalid".
const crypto = require('crypto');

function compareCodePoints(a, b) {
  const x = Array.from(a), y = Array.from(b);
  for (let i = 0; i < Math.min(x.length, y.length); i++) {
    const d = x[i].codePointAt(0) - y[i].codePointAt(0);
    if (d !== 0) return d;
  }
  return x.length - y.length;
}

function quote(text) {
  const named = { '"': '\\"', '\\': '\\\\', '\n': '\\n', '\r': '\\r', '\t': '\\t', '\b': '\\b', '\f': '\\f' };
  let out = '"';
  for (let i = 0; i < text.length; i++) {
    const c = text[i], code = text.charCodeAt(i);
    if (named[c]) out += named[c];
    else if (code >= 0x20 && code < 0x7f) out += c;
    else out += '\\u' + code.toString(16).padStart(4, '0');
  }
  return out + '"';
}

function canonical(value) {
  if (value === null) return 'null';
  if (Array.isArray(value)) return '[' + value.map(canonical).join(',') + ']';
  switch (typeof value) {
    case 'object':
      return '{' + Object.keys(value).sort(compareCodePoints)
        .map(k => quote(k) + ':' + canonical(value[k])).join(',') + '}';
    case 'string': return quote(value);
    case 'number': return String(value);
    default: return String(value);
  }
}

let input = '';
process.stdin.on('data', chunk => input += chunk);
process.stdin.on('end', () => {
  const { records, timestamp, signature, public_key } = JSON.parse(input);
  const live = records.filter(r => !r.deleted).sort((a, b) => compareCodePoints(a.id, b.id));
  const payload = '{"data":' + canonical(live) + ',"last_modified":' + quote(String(timestamp)) + '}';
  const key = crypto.createPublicKey({ key: Buffer.from(public_key, 'base64'), format: 'der', type: 'spki' });
  const ok = crypto.verify('sha384', Buffer.concat([Buffer.from('Content-Signature:\0'), Buffer.from(payload)]),
    { key, dsaEncoding: 'ieee-p1363' }, Buffer.from(signature, 'base64url'));
  console.log(ok ? 'valid' : 'invalid');
});
