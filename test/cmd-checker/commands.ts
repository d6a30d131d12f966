/**
 * Command names the checker accepts after an operator in echo text: cmd's built-in commands
 * (Microsoft's "Windows commands" reference) and the System32 programs RdpRescue runs. A name
 * outside this list right after `echo ... &` is message text that the & cut off.
 */
const BUILT_IN =
  'assoc break call cd chdir cls color copy date del dir dpath echo endlocal erase exit for ' +
  'ftype goto if md mkdir mklink move path pause popd prompt pushd rd rem ren rename rmdir set ' +
  'setlocal shift start time title type ver verify vol';

const PROGRAMS =
  'attrib auditpol bcdboot bcdedit certutil choice clip cmd cscript diskpart dism expand ' +
  'extrac32 find findstr fsutil gpresult gpupdate hostname icacls ipconfig more net netsh ' +
  'netstat ping powershell qwinsta reg robocopy route sc schtasks sfc shutdown sort takeown ' +
  'taskkill tasklist timeout w32tm wbadmin wevtutil where whoami wmic xcopy';

const KNOWN = new Set(`${BUILT_IN} ${PROGRAMS}`.split(' '));

/** A command name cmd can run: built in, a known program, or a path or quoted name. */
export function isCommandName(name: string): boolean {
  const lower = name.toLowerCase().replace(/\.(exe|com|cmd|bat)$/, '');
  return KNOWN.has(lower) || /["\\:%\u0000]/.test(name) || name === '';
}
