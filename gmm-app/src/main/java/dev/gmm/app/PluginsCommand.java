package dev.gmm.app;

import dev.gmm.core.Plugins;
import dev.gmm.core.spi.NamedProvider;
import picocli.CommandLine.Command;

import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code gmm plugins}: every provider of every SPI, with the module it comes from. */
@Command(name = "plugins", mixinStandardHelpOptions = true, description = "List every provider of every SPI, with its module.")
final class PluginsCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        for (Map.Entry<Class<? extends NamedProvider>, List<? extends NamedProvider>> e : Plugins.everything().entrySet()) {
            System.out.println(Plugins.kindName(e.getKey()) + ":");
            for (NamedProvider p : e.getValue()) {
                String module = p.getClass().getModule().isNamed() ? p.getClass().getModule().getName() : "(class path)";
                System.out.println("  " + p.name() + "  [" + module + "]  " + p.description());
            }
        }
        System.out.println("kernel: " + Plugins.kernelName());
        return 0;
    }
}
