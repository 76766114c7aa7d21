using Microsoft.Extensions.Configuration;
using Postern.Server.Configuration;

namespace Postern.Server.Logging;

/// <summary>
/// Log levels per module and where records go (configuration section <c>Postern:Logging</c>):
/// <c>Default</c> (the level of modules not named), one key per module tag (<c>XIMSS = Major</c>),
/// <c>Console</c> (records to standard output) and <c>Directory</c> (daily files; relative to the
/// data directory, empty for none).
/// </summary>
public sealed class LoggingOptions
{
    /// <summary>CommuniGate's usual setting: major events and problems, no protocol detail.</summary>
    public CgpLogLevel Default { get; init; } = CgpLogLevel.Problems;

    public IReadOnlyDictionary<string, CgpLogLevel> Modules { get; init; } = new Dictionary<string, CgpLogLevel>();

    public bool Console { get; init; } = true;

    /// <summary>CommuniGate keeps its logs in <c>SystemLogs</c> under its base directory; so do we, under the data directory.</summary>
    public string Directory { get; init; } = "SystemLogs";

    public CgpLogLevel LevelOf(string tag) =>
        Modules.TryGetValue(LogTags.ModuleOf(tag), out var level) ? level : Default;

    /// <exception cref="ConfigurationException">A level is not a CommuniGate level name.</exception>
    public static LoggingOptions FromConfiguration(IConfigurationSection section)
    {
        var modules = new Dictionary<string, CgpLogLevel>(StringComparer.OrdinalIgnoreCase);
        var defaultLevel = CgpLogLevel.Problems;
        foreach (var entry in section.GetChildren())
        {
            if (entry.Key.Equals(nameof(Console), StringComparison.OrdinalIgnoreCase)
                || entry.Key.Equals(nameof(Directory), StringComparison.OrdinalIgnoreCase))
                continue;
            if (!CgpLogLevels.TryParse(entry.Value, out var level))
                throw new ConfigurationException($"Postern:Logging:{entry.Key} = \"{entry.Value}\" is not a log level (Nothing, Failures, Major, Problems, Low-Level, All Info)");
            if (entry.Key.Equals(nameof(Default), StringComparison.OrdinalIgnoreCase))
                defaultLevel = level;
            else
                modules[entry.Key.ToUpperInvariant()] = level;
        }
        return new LoggingOptions
        {
            Default = defaultLevel,
            Modules = modules,
            Console = section.GetValue(nameof(Console), true),
            Directory = section.GetValue(nameof(Directory), "SystemLogs") ?? "",
        };
    }
}
