using System.Reflection;
using Microsoft.Extensions.Configuration;

namespace Postern.Server.Configuration;

/// <summary>Binds a configuration section to an options object, turning a refused value into a <see cref="ConfigurationException"/> that names it.</summary>
public static class ConfigurationBinding
{
    public static void Bind(IConfigurationSection section, object options, string sectionName)
    {
        ArgumentNullException.ThrowIfNull(section);
        try
        {
            section.Bind(options, binder => binder.ErrorOnUnknownConfiguration = true);
        }
        catch (Exception e) when (e is InvalidOperationException or TargetInvocationException)
        {
            // The binder wraps unparsable text and unknown keys (InvalidOperationException) and a setter's
            // refusal (ArgumentOutOfRangeException, inside a TargetInvocationException): report the innermost.
            var reason = e.GetBaseException().Message;
            throw new ConfigurationException($"{sectionName}: {reason.ReplaceLineEndings(" ")}");
        }
    }
}
