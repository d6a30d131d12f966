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
        if (!string.IsNullOrEmpty(culture))
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
        missingCommand = MissingCommand(record),
        line = record.InvocationInfo?.ScriptLineNumber,
        script = record.InvocationInfo?.ScriptName,
    };

    /// <summary>The command name of a "not recognized" error, however the engine wrapped it.</summary>
    static string? MissingCommand(ErrorRecord record)
    {
        for (var e = record.Exception; e is not null; e = e.InnerException)
            if (e is CommandNotFoundException { CommandName: { } name }) return name;
        return record.FullyQualifiedErrorId.StartsWith("CommandNotFoundException", StringComparison.Ordinal)
            ? record.TargetObject as string
            : null;
    }

    public static object Describe(Exception exception) =>
        exception is IContainsErrorRecord { ErrorRecord: { } record }
            ? Describe(record)
            : new { id = exception.GetType().FullName, message = exception.Message };
}
