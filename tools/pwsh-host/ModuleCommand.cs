using System.Management.Automation;
using System.Management.Automation.Runspaces;
using System.Reflection;

namespace RdpRescue.PwshHost;

/// <summary>
/// Imports a module the way a user would and reports what PowerShell itself sees: the exported
/// commands, whether their verbs are approved, whether they support -WhatIf, and the
/// comment-based help Get-Help reads from them.
/// </summary>
static class ModuleCommand
{
    internal static readonly HashSet<string> ApprovedVerbs = typeof(VerbsCommon).Assembly.GetTypes()
        .Where(t => t.IsPublic && t.Namespace == "System.Management.Automation" && t.Name.StartsWith("Verbs"))
        .SelectMany(t => t.GetFields(BindingFlags.Public | BindingFlags.Static))
        .Select(f => (string)f.GetRawConstantValue()!)
        .ToHashSet(StringComparer.OrdinalIgnoreCase);

    public static object Run(string manifest, string? culture, string? prelude)
    {
        using var runspace = Engine.Open(culture);
        if (prelude is not null)
        {
            using var setup = PowerShell.Create(runspace);
            setup.AddScript($". '{Path.GetFullPath(prelude).Replace("'", "''")}'").Invoke();
            if (setup.HadErrors)
                throw new InvalidOperationException($"prelude {prelude} failed: {setup.Streams.Error.FirstOrDefault()}");
        }
        using var shell = PowerShell.Create(runspace);
        shell.AddCommand("Import-Module")
            .AddParameter("Name", Path.GetFullPath(manifest))
            .AddParameter("PassThru")
            .AddParameter("Force");
        PSModuleInfo? module = null;
        object? terminatingError = null;
        try
        {
            module = shell.Invoke().Select(o => o.BaseObject).OfType<PSModuleInfo>().FirstOrDefault();
        }
        catch (Exception e)
        {
            terminatingError = Engine.Describe(e);
        }
        return new
        {
            imported = module is not null && terminatingError is null,
            terminatingError,
            errors = shell.Streams.Error.Select(Engine.Describe).ToArray(),
            name = module?.Name,
            version = module?.Version.ToString(),
            commands = module is null
                ? []
                : module.ExportedCommands.Values.OrderBy(c => c.Name, StringComparer.Ordinal)
                    .Select(c => Inspect(runspace, c)).ToArray(),
        };
    }

    static object Inspect(Runspace runspace, CommandInfo command)
    {
        var binding = (command as FunctionInfo)?.ScriptBlock.Attributes.OfType<CmdletBindingAttribute>().FirstOrDefault();
        var help = GetHelp(runspace, command.Name);
        return new
        {
            name = command.Name,
            type = command.CommandType.ToString(),
            verb = (command as FunctionInfo)?.Verb,
            approvedVerb = command is FunctionInfo f && ApprovedVerbs.Contains(f.Verb),
            supportsShouldProcess = binding?.SupportsShouldProcess ?? false,
            confirmImpact = binding?.ConfirmImpact.ToString(),
            parameters = command.Parameters.Keys
                .Where(p => !CommonParameters.Contains(p)).OrderBy(p => p, StringComparer.Ordinal).ToArray(),
            help,
        };
    }

    static readonly HashSet<string> CommonParameters = new(
        Cmdlet.CommonParameters.Concat(Cmdlet.OptionalCommonParameters), StringComparer.OrdinalIgnoreCase);

    /// <summary>Get-Help's view of a command: synopsis, description, examples, described parameters.</summary>
    static object GetHelp(Runspace runspace, string name)
    {
        using var shell = PowerShell.Create(runspace);
        shell.AddCommand("Get-Help").AddParameter("Name", name).AddParameter("Full");
        var help = shell.Invoke().FirstOrDefault();
        if (help is null)
            return new { found = false, errors = shell.Streams.Error.Select(Engine.Describe).ToArray() };
        return new
        {
            found = true,
            synopsis = Text(help.Properties["Synopsis"]?.Value),
            description = Text(Member(help, "description")),
            examples = Items(Member(help, "examples", "example"))
                .Select(e => new { code = Text(Member(e, "code")), remarks = Text(Member(e, "remarks")) }).ToArray(),
            parameters = Items(Member(help, "parameters", "parameter"))
                .Select(p => new { name = Text(Member(p, "name")), description = Text(Member(p, "description")) })
                .ToArray(),
        };
    }

    static object? Member(object? value, params string[] names)
    {
        foreach (var name in names)
        {
            if (value is null) return null;
            value = PSObject.AsPSObject(value).Properties[name]?.Value;
        }
        return value;
    }

    static IEnumerable<object> Items(object? value) => value switch
    {
        null => [],
        PSObject { BaseObject: object[] array } => array,
        object[] array => array,
        _ => [value],
    };

    /// <summary>Help text comes as strings or as arrays of objects with a Text property.</summary>
    static string Text(object? value) => value switch
    {
        null => "",
        string s => s.Trim(),
        PSObject { BaseObject: string s } => s.Trim(),
        _ => string.Join("\n", Items(value).Select(i => Member(i, "Text") is { } t ? Text(t) : i.ToString())).Trim(),
    };
}
