@echo off
setlocal
rem RdpRescue offline repair: Repair the VM offline from a rescue VM
rem Applies, in order: offline-enable-serial-console.cmd, offline-enable-crash-dump.cmd, offline-reset-machinekeys-acl.cmd, offline-enable-tls12.cmd, offline-enable-nla.cmd, offline-service-defaults.cmd, offline-remove-safe-boot.cmd. Opt-in repairs run only when named on purpose.
rem repair-offline.cmd DRIVE-LETTER undo runs their undo in the reverse order.
set "_0=%~1"
set "_1=%~2"
if not defined _0 (echo Usage: repair-offline.cmd DRIVE-LETTER [undo], where DRIVE-LETTER is the attached OS disk&exit /b 2)
if defined _1 if /i not "%_1%"=="undo" (echo Usage: repair-offline.cmd DRIVE-LETTER [undo], where DRIVE-LETTER is the attached OS disk&exit /b 2)
set Rr_ALl=0
if not defined _1 calL "%~dp0offline-enable-serial-console.cmd" "%_0%"
if not defined _1 if erRorlevel 2 exit /b 2
if not defined _1 if erRorlevel 1 set Rr_ALl=1
if not defined _1 calL "%~dp0offline-enable-crash-dump.cmd" "%_0%"
if not defined _1 if erRorlevel 2 exit /b 2
if not defined _1 if erRorlevel 1 set Rr_ALl=1
if not defined _1 calL "%~dp0offline-reset-machinekeys-acl.cmd" "%_0%"
if not defined _1 if erRorlevel 2 exit /b 2
if not defined _1 if erRorlevel 1 set Rr_ALl=1
if not defined _1 calL "%~dp0offline-enable-tls12.cmd" "%_0%"
if not defined _1 if erRorlevel 2 exit /b 2
if not defined _1 if erRorlevel 1 set Rr_ALl=1
if not defined _1 calL "%~dp0offline-enable-nla.cmd" "%_0%"
if not defined _1 if erRorlevel 2 exit /b 2
if not defined _1 if erRorlevel 1 set Rr_ALl=1
if not defined _1 calL "%~dp0offline-service-defaults.cmd" "%_0%"
if not defined _1 if erRorlevel 2 exit /b 2
if not defined _1 if erRorlevel 1 set Rr_ALl=1
if not defined _1 calL "%~dp0offline-remove-safe-boot.cmd" "%_0%"
if not defined _1 if erRorlevel 2 exit /b 2
if not defined _1 if erRorlevel 1 set Rr_ALl=1
if defined _1 calL "%~dp0offline-remove-safe-boot.cmd" "%_0%" undo
if defined _1 if erRorlevel 2 exit /b 2
if defined _1 if erRorlevel 1 set Rr_ALl=1
if defined _1 calL "%~dp0offline-service-defaults.cmd" "%_0%" undo
if defined _1 if erRorlevel 2 exit /b 2
if defined _1 if erRorlevel 1 set Rr_ALl=1
if defined _1 calL "%~dp0offline-enable-nla.cmd" "%_0%" undo
if defined _1 if erRorlevel 2 exit /b 2
if defined _1 if erRorlevel 1 set Rr_ALl=1
if defined _1 calL "%~dp0offline-enable-tls12.cmd" "%_0%" undo
if defined _1 if erRorlevel 2 exit /b 2
if defined _1 if erRorlevel 1 set Rr_ALl=1
if defined _1 calL "%~dp0offline-reset-machinekeys-acl.cmd" "%_0%" undo
if defined _1 if erRorlevel 2 exit /b 2
if defined _1 if erRorlevel 1 set Rr_ALl=1
if defined _1 calL "%~dp0offline-enable-crash-dump.cmd" "%_0%" undo
if defined _1 if erRorlevel 2 exit /b 2
if defined _1 if erRorlevel 1 set Rr_ALl=1
if defined _1 calL "%~dp0offline-enable-serial-console.cmd" "%_0%" undo
if defined _1 if erRorlevel 2 exit /b 2
if defined _1 if erRorlevel 1 set Rr_ALl=1
if not defined _1 echo RDPRESCUE undo: repair-offline.cmd %_0% undo ^(undoes, in this order: offline-remove-safe-boot, offline-service-defaults, offline-enable-nla, offline-enable-tls12, offline-reset-machinekeys-acl, offline-enable-crash-dump, offline-enable-serial-console^)
exit /b %Rr_ALl%
