using System.Globalization;
using System.Management.Automation;
using System.Management.Automation.Runspaces;

namespace RdpRescue.PwshHost;

/// <summary>Opens runspaces and turns engine failures into plain JSON-friendly records.</summary>
static class Engine
{
    /// <summary>A default runspace on this thread, so the chosen culture is the one scripts see.</summary>
    public static Runspace Open(string? culture)
    {
        if (culture is not null)
        {
            var info = CultureInfo.GetCultureInfo(culture);
            CultureInfo.CurrentCulture = info;
            CultureInfo.CurrentUICulture = info;
        }
        var runspace = RunspaceFactory.CreateRunspace(InitialSessionState.CreateDefault2());
        runspace.ThreadOptions = PSThreadOptions.UseCurrentThread;
        runspace.Open();
        return runspace;
    }

    public static object Describe(ErrorRecord record) => new
    {
        id = record.FullyQualifiedErrorId,
        message = record.Exception.Message,
        missingCommand = (record.Exception as CommandNotFoundException)?.CommandName,
        line = record.InvocationInfo?.ScriptLineNumber,
        script = record.InvocationInfo?.ScriptName,
    };

    public static object Describe(Exception exception) =>
        exception is IContainsErrorRecord { ErrorRecord: { } record }
            ? Describe(record)
            : new { id = exception.GetType().FullName, message = exception.Message };
}
