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
        catch (InvalidOperationException e)
        {
            // The binder wraps a setter's refusal (ArgumentOutOfRangeException) and unparsable text alike.
            var reason = e.InnerException?.Message ?? e.Message;
            throw new ConfigurationException($"{sectionName}: {reason.ReplaceLineEndings(" ")}");
        }
    }
}
