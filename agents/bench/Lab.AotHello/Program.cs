// The whole program: one line on stdout, the way the agent writes its KTAP lines.
Console.Out.Write("KTAP version 1\n");
