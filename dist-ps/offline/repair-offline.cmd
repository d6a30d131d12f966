@echo off
setlocal
rem RdpRescue offline repair: Repair the VM offline from a rescue VM
rem Applies, in order: offline-enable-serial-console.cmd, offline-enable-crash-dump.cmd, offline-reset-machinekeys-acl.cmd, offline-enable-tls12.cmd, offline-enable-nla.cmd. Opt-in repairs run only when named on purpose.
if "%~1"=="" (echo Usage: repair-offline.cmd DRIVE-LETTER of the attached OS disk&exit /b 2)
set Rr_ALl=0
calL "%~dp0ofFline-enable-serial-console.cmd" %1
if erRorlevel 2 exit /b 2
if erRorlevel 1 set Rr_ALl=1
calL "%~dp0ofFline-enable-crash-dump.cmd" %1
if erRorlevel 2 exit /b 2
if erRorlevel 1 set Rr_ALl=1
calL "%~dp0ofFline-reset-machinekeys-acl.cmd" %1
if erRorlevel 2 exit /b 2
if erRorlevel 1 set Rr_ALl=1
calL "%~dp0ofFline-enable-tls12.cmd" %1
if erRorlevel 2 exit /b 2
if erRorlevel 1 set Rr_ALl=1
calL "%~dp0ofFline-enable-nla.cmd" %1
if erRorlevel 2 exit /b 2
if erRorlevel 1 set Rr_ALl=1
exit /b %Rr_ALl%
