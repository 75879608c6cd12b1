// The public product-idea form: posts the fields as JSON to POST /public/ideas and says what happened, in Vietnamese.
document.getElementById('idea').addEventListener('submit', async (e) => {
  e.preventDefault();
  const data = Object.fromEntries(new FormData(e.target).entries());
  if (!data.productName) delete data.productName;
  const res = await fetch('/public/ideas', {method: 'POST', headers: {'Content-Type': 'application/json'}, body: JSON.stringify(data)});
  const body = await res.json();
  document.getElementById('result').textContent = res.ok
    ? 'Đã nhận ý tưởng (mã ' + body.id + ') gửi ' + body.communeName + ', ' + body.provinceName + '. Xin cảm ơn!'
    : 'Chưa gửi được: ' + (body.errors ? body.errors.map(x => x.field + ' ' + x.message).join('; ') : body.detail);
});
