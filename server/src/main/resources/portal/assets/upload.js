// A chosen file's text goes into the form's textarea (data-into), which the form posts: the server
// takes no multipart bodies (application.yml), and the list can be checked and edited before sending.
document.addEventListener('change', function (e) {
  var input = e.target;
  if (!input.matches || !input.matches('input[type=file][data-into]') || !input.files.length) return;
  var reader = new FileReader();
  reader.onload = function () {
    document.getElementById(input.dataset.into).value = reader.result;
    if (input.dataset.select) document.getElementById(input.dataset.select).checked = true;
  };
  reader.readAsText(input.files[0]);
});
