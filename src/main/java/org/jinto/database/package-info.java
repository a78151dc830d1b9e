/**
 * The SQL plumbing shared by the PostgreSQL storage and permission backends: one pooled database per URL ({@code
 * Databases}), schema migrations, and the request's unit of work ({@code Transactions}: one transaction per
 * database, committed by the HTTP layer when the answer is a success).
 */
package org.jinto.database;
