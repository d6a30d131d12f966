/**
 * What a diagnosis PowerShell probe prints for "fired" and "quiet": the diagnosis reads the
 * probe's printed outcome (the names of its slot variables), not an exit code. Found in
 * diagnose.cmd's slot initialisation, so the tests follow the names the printer chose.
 */
export function probeAnswers(diagnoseCmd: string): { fired: string; quiet: string } {
  const init = /set (_\w+)_%%a=\?&set _\w+_%%a=\.&set (_\w+)_%%a=\?/.exec(diagnoseCmd);
  if (!init) throw new Error('diagnose.cmd: no slot initialisation found');
  return { fired: init[1]!, quiet: init[2]! };
}
