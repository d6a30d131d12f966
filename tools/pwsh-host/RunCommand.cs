using System.Management.Automation;

namespace RdpRescue.PwshHost;

/// <summary>Runs a script file in a fresh runspace and reports its output and errors.</summary>
static class RunCommand
{
    public static object Run(string script, string? culture)
    {
        using var runspace = Engine.Open(culture);
        using var shell = PowerShell.Create(runspace);
        shell.AddCommand(Path.GetFullPath(script));
        var output = new List<string?>();
        object? terminatingError = null;
        try
        {
            output.AddRange(shell.Invoke().Select(o => o?.ToString()));
        }
        catch (Exception e)
        {
            terminatingError = Engine.Describe(e);
        }
        return new
        {
            output,
            errors = shell.Streams.Error.Select(Engine.Describe).ToArray(),
            terminatingError,
        };
    }
}
