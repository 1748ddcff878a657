package dev.strata.examples.quickstart;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;

/** Something the shop sells. */
@Entity
@Table(name = "product")
public class Product {
  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(nullable = false, length = 32)
  private String sku;

  @Column(nullable = false)
  private String name;

  @Column(precision = 12, scale = 2)
  private BigDecimal price;

  protected Product() {}

  public Product(String sku, String name, BigDecimal price) {
    this.sku = sku;
    this.name = name;
    this.price = price;
  }

  public Long getId() {
    return id;
  }

  public String getSku() {
    return sku;
  }
}
