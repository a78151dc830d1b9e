package org.jinto.events;

/**
 * A bean observing the read events ({@code ResourceRead}, {@code AfterResourceRead}) whose settings may leave it
 * nothing to do with them: when every observer of reads says so, the engine's reads raise no events at all.
 */
public interface ReadInterest {

    /** Whether this bean does something with read events; asked once the application has started. */
    boolean wantsReads();
}
